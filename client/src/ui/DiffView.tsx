import { ARTICLE_FIELDS } from '../../../server/contract/articleFields';
import type { DiffField, DiffPart } from '../../../server/contract/types';

export const diffFieldLabel: Record<DiffField, string> = {
  ...(Object.fromEntries(ARTICLE_FIELDS.map((f) => [f.name, f.label])) as Record<
    (typeof ARTICLE_FIELDS)[number]['name'],
    string
  >),
  audience: 'Audience',
  confidence: 'Confidence',
  verifyBy: 'Verify by',
};

interface Props {
  fields: { field: DiffField; parts: DiffPart[] }[];
  /** Heading level for the field names, to fit the page's outline. */
  level?: 2 | 3 | 4;
  empty?: string;
}

/**
 * Changes field by field (lines for Markdown and lists, words for a title): removed text struck
 * through, added text underlined,
 * both also announced ("removed", "added") since colour alone carries no meaning.
 */
export function DiffView({ fields, level = 3, empty = 'No differences.' }: Props) {
  if (fields.length === 0) return <p class="diff-empty">{empty}</p>;
  const H = `h${level}` as 'h2' | 'h3' | 'h4';
  return (
    <div class="diff">
      {fields.map(({ field, parts }) => (
        <section key={field} class="diff-field">
          <H class="diff-field-name">{diffFieldLabel[field] ?? field}</H>
          <p class="diff-text">
            {parts.map((p, i) =>
              p.added ? (
                <ins key={i}>
                  <span class="visually-hidden">[added: </span>
                  {p.value}
                  <span class="visually-hidden">]</span>
                </ins>
              ) : p.removed ? (
                <del key={i}>
                  <span class="visually-hidden">[removed: </span>
                  {p.value}
                  <span class="visually-hidden">]</span>
                </del>
              ) : (
                <span key={i}>{p.value}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </div>
  );
}
