// The KCS steps an article can take from each confidence (server: services/confidence.ts),
// worded as the buttons engineers press.
import { CONFIDENCE_LABELS } from '../../../server/contract/enums';
import type { Confidence } from '../../../server/contract/types';

export interface Step {
  to: Confidence;
  /** The button, and the dialog's submit. */
  label: string;
  /** What the step means for agents, shown in the dialog. */
  explanation: string;
  /** Submitting and validating publish text: they need a resolution. */
  needsResolution?: boolean;
  /** The step forward (submit, validate, restore): the prominent button. */
  primary?: boolean;
}

const archive: Step = {
  to: 'archived',
  label: 'Archive',
  explanation:
    'Agents and search stop showing it; the history is kept and it can be restored at any time.',
};

export const STEPS: Record<Confidence, Step[]> = {
  wip: [
    {
      to: 'not_validated',
      label: 'Submit for review',
      explanation:
        'Agents can find it, marked “Not validated”, until an engineer of the department validates it.',
      needsResolution: true,
      primary: true,
    },
    archive,
  ],
  not_validated: [
    {
      to: 'validated',
      label: 'Validate',
      explanation:
        'You checked that it works: agents see it as validated, and a new verify-by date is set.',
      needsResolution: true,
      primary: true,
    },
    {
      to: 'wip',
      label: 'Back to draft',
      explanation: 'Agents no longer see it while it is reworked (work in progress).',
    },
    archive,
  ],
  validated: [
    {
      to: 'not_validated',
      label: 'Withdraw validation',
      explanation: 'Agents still find it, marked “Not validated”, until it is validated again.',
    },
    archive,
  ],
  archived: [
    {
      to: 'wip',
      label: 'Restore',
      explanation: 'Brings it back as work in progress; submit it again when it is ready.',
      primary: true,
    },
  ],
};

export const confidenceName: Record<Confidence, string> = CONFIDENCE_LABELS;
