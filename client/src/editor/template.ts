// The KCS starter template: the shape of a good article, to type over.
import type { FormValues } from './formModel';

export const STARTER: Pick<FormValues, 'issue' | 'environment' | 'resolution' | 'cause'> = {
  issue: 'What the customer says, in their words (symptoms, messages they read out).',
  environment: ['- Product and version:', '- Plan or account type:', '- Device and OS:'].join('\n'),
  resolution: [
    '1. First step the agent reads aloud (one action per step).',
    '2. What the customer should see after it.',
    '3. If that does not work: what to try next, or whom to escalate to.',
  ].join('\n'),
  cause: 'Why it happens (internal: never shown to agents).',
};

type TemplateField = keyof typeof STARTER;
export const TEMPLATE_FIELDS = Object.keys(STARTER) as TemplateField[];

/** Only empty fields get the template: nothing anyone typed is replaced. */
export function applyTemplate(v: FormValues): FormValues {
  const next = { ...v };
  for (const k of TEMPLATE_FIELDS) if (!next[k].trim()) next[k] = STARTER[k];
  return next;
}

export const templateFits = (v: FormValues) => TEMPLATE_FIELDS.some((k) => !v[k].trim());
