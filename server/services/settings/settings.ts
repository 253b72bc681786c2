import { z } from 'zod';
import type { Queryable } from '../../db/connection';
import { insertAudit } from '../../stores/audit';
import { readSettings, writeSetting } from '../../stores/settings';
import type { Actor } from '../../domain/roles';

/** Every admin setting, its bounds and its default (DESIGN §1, §3). */
export const settingsSchema = z
  .object({
    /** FCR (verified): another contact from the same customer within this many days undoes it */
    fcrWindowDays: z.number().int().min(1).max(90),
    /** money per escalated contact and per first-contact resolution (escalations avoided) */
    costEscalated: z.number().min(0).max(100_000),
    costFirstContact: z.number().min(0).max(100_000),
    /** a validated article must be verified again after this many days */
    verifyIntervalDays: z.number().int().min(1).max(3650),
    /** J: "tried, didn't solve" this often in 30 days flags a validated article */
    failThreshold: z.number().int().min(1).max(1000),
    /** K: solved by this many distinct agents promotes a not-validated article */
    promoteThreshold: z.number().int().min(1).max(1000),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  fcrWindowDays: 7,
  costEscalated: 69,
  costFirstContact: 22,
  verifyIntervalDays: 90,
  failThreshold: 3,
  promoteThreshold: 3,
});

export const settingsUpdateSchema = settingsSchema.partial().strict();

export async function getSettings(db: Queryable): Promise<Settings> {
  const stored = Object.fromEntries(await readSettings(db));
  // a stored value that no longer fits (bounds changed) falls back to the default
  const merged = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const parsed = settingsSchema.shape[key].safeParse(stored[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return merged;
}

export async function updateSettings(
  db: Queryable & { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  actor: Actor,
  changes: Partial<Settings>,
): Promise<Settings> {
  return db.transaction(async (tx) => {
    const before = await getSettings(tx);
    const at = new Date().toISOString();
    for (const [key, value] of Object.entries(changes)) {
      if (before[key as keyof Settings] === value) continue;
      await writeSetting(tx, key, value, at, actor.id);
      await insertAudit(tx, {
        actorId: actor.id,
        action: 'settings.change',
        entity: 'settings',
        entityId: null,
        detail: { key, from: before[key as keyof Settings], to: value },
        at,
      });
    }
    return getSettings(tx);
  });
}
