import { settingsSchema, type Settings } from '../../contract/settings';
import type { Queryable } from '../../db/connection';
import { insertAudit } from '../../stores/audit';
import { readSettings, writeSetting } from '../../stores/settings';
import type { Actor } from '../../domain/roles';

/** Every admin setting's default (DESIGN §1, §3); their bounds are the contract's. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  fcrWindowDays: 7,
  costEscalated: 69,
  costFirstContact: 22,
  currency: 'USD',
  verifyIntervalDays: 90,
  failThreshold: 3,
  promoteThreshold: 3,
});

export async function getSettings(db: Queryable): Promise<Settings> {
  const stored = Object.fromEntries(await readSettings(db));
  // a stored value that no longer fits (bounds changed) falls back to the default
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const parsed = settingsSchema.shape[key].safeParse(stored[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return merged as Settings;
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
