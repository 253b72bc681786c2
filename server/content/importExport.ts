import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import type { Database, Queryable } from '../db/connection';
import { AppError } from '../errors';
import { allArticles } from '../stores/articles';
import {
  findDepartmentBySlug,
  listDepartments,
  upsertDepartment,
  type DepartmentFields,
} from '../stores/departments';
import { findUserByEmail, findUserById } from '../stores/users';
import { articleCreateSchema } from '../contract/articles';
import { departmentCreateSchema } from '../contract/departments';
import { createArticle, updateArticle } from '../services/articles/write';
import { findArticle, type ArticleDeps } from '../services/articles/read';
import { formatArticleFile, parseArticleFile } from './articleFile';
import { SYSTEM } from '../domain/roles';

const DEPARTMENTS_FILE = 'departments.yml';

/** departments.yml: a list of what `POST /api/departments` takes. */
const departmentsSchema = z.array(departmentCreateSchema);

export interface ImportReport {
  /** departments.yml: the slugs it created, and what it changed on existing ones */
  departments: { created: string[]; changed: { slug: string; name?: string; kind?: string }[] };
  created: string[];
  updated: string[];
  unchanged: string[];
  errors: { file: string; reason: string }[];
}

/**
 * Imports `dir` (departments.yml + <department>/<slug>.md), keyed by slug: new slugs are
 * created, changed files become new versions, identical files change nothing. A bad file is
 * reported with its reason and skipped; the others still import.
 */
export function importDirectory(deps: ArticleDeps, dir: string): Promise<ImportReport> {
  return deps.search.bulk(() => importAll(deps, dir));
}

async function importAll(deps: ArticleDeps, dir: string): Promise<ImportReport> {
  const report: ImportReport = {
    departments: { created: [], changed: [] },
    created: [],
    updated: [],
    unchanged: [],
    errors: [],
  };
  const departmentsPath = path.join(dir, DEPARTMENTS_FILE);
  if (fs.existsSync(departmentsPath)) {
    const parsed = departmentsSchema.safeParse(yaml.load(fs.readFileSync(departmentsPath, 'utf8')));
    if (!parsed.success) {
      report.errors.push({ file: DEPARTMENTS_FILE, reason: parsed.error.issues[0]!.message });
    } else {
      for (const d of parsed.data) await importDepartment(deps.db, d, report);
    }
  }
  const known = new Set((await listDepartments(deps.db)).map((d) => d.slug));
  for (const department of fs.readdirSync(dir).sort()) {
    const folder = path.join(dir, department);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const name of fs
      .readdirSync(folder)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const file = path.join(department, name);
      if (!known.has(department)) {
        report.errors.push({
          file,
          reason: `unknown department "${department}" (add it to ${DEPARTMENTS_FILE})`,
        });
        continue;
      }
      try {
        const outcome = await importFile(
          deps,
          fs.readFileSync(path.join(folder, name), 'utf8'),
          department,
          name.slice(0, -3),
          file,
        );
        report[outcome].push(file);
      } catch (err) {
        report.errors.push({ file, reason: reasonOf(err) });
      }
    }
  }
  return report;
}

async function importFile(
  deps: ArticleDeps,
  text: string,
  department: string,
  slug: string,
  file: string,
): Promise<'created' | 'updated' | 'unchanged'> {
  const { fields } = parseArticleFile(text, department, slug);
  if (typeof fields.owner === 'string' && !(await findUserByEmail(deps.db, fields.owner))) {
    delete fields.owner; // an export from another installation: keep the article, drop the owner
  }
  const parsed = articleCreateSchema.safeParse({ ...fields, slug, note: `Imported from ${file}` });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  const input = parsed.data;
  const existing = await findArticle(deps.db, slug);
  if (!existing) {
    await createArticle(deps, SYSTEM, input);
    return 'created';
  }
  const { slug: _slug, ...changes } = input;
  const saved = await updateArticle(
    deps,
    SYSTEM,
    slug,
    {
      ...changes,
      confidence: input.confidence ?? existing.confidence,
      // a file without verifyBy keeps the stored date (otherwise each day's import would differ)
      verifyBy: input.verifyBy ?? existing.verifyBy,
      version: existing.version,
    },
    { kind: 'import' },
  );
  return saved.version === existing.version ? 'unchanged' : 'updated';
}

function reasonOf(err: unknown): string {
  if (err instanceof AppError) return err.field ? `${err.field}: ${err.message}` : err.message;
  return err instanceof Error ? err.message : String(err);
}

/** Writes every article (and departments.yml) to `dir`, in the format importDirectory reads. */
export async function exportDirectory(db: Database, dir: string): Promise<number> {
  const departments = await listDepartments(db);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, DEPARTMENTS_FILE),
    yaml.dump(departments.map(({ slug, name, kind }) => ({ slug, name, kind }))),
  );
  const rows = await allArticles(db);
  for (const a of rows) {
    const owner = a.ownerId === null ? null : await findUserById(db, a.ownerId);
    fs.mkdirSync(path.join(dir, a.departmentSlug), { recursive: true });
    fs.writeFileSync(
      path.join(dir, a.departmentSlug, `${a.slug}.md`),
      formatArticleFile(a, owner?.email ?? null),
    );
  }
  return rows.length;
}

/** One entry of departments.yml: created, or its name and kind brought in line (archive stays). */
async function importDepartment(db: Queryable, d: DepartmentFields, report: ImportReport) {
  const before = await findDepartmentBySlug(db, d.slug);
  await upsertDepartment(db, d);
  if (!before) report.departments.created.push(d.slug);
  else if (before.name !== d.name || before.kind !== d.kind)
    report.departments.changed.push({
      slug: d.slug,
      ...(before.name !== d.name && { name: `${before.name} → ${d.name}` }),
      ...(before.kind !== d.kind && { kind: `${before.kind} → ${d.kind}` }),
    });
}
