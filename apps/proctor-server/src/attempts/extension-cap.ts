import { CodedError } from '@skillexam/shared';

/*
 * 补时上限 (docs/decisions/0223): the extra time of one candidate, summed over
 * every 补时, may not pass the cap — the session rule `extensionCapMinutes` (default 60), or a
 * higher cap an exam admin set for this candidate with a reason. Pure: no IO.
 */

const MINUTE_MS = 60_000;

/** The cap that applies to a candidate: the admin's raised cap, else the session rule. */
export function extensionCapMs(raisedCapMs: number | undefined, ruleMinutes: number): number {
  return raisedCapMs ?? ruleMinutes * MINUTE_MS;
}

/** Throws EXTENSION_CAP_EXCEEDED when `minutes` more would take the candidate past the cap. */
export function assertWithinExtensionCap(extendedMs: number, minutes: number, capMs: number): void {
  if (extendedMs + minutes * MINUTE_MS <= capMs) return;
  const capMinutes = Math.floor(capMs / MINUTE_MS);
  const leftMinutes = Math.max(0, Math.floor((capMs - extendedMs) / MINUTE_MS));
  throw new CodedError(
    'EXTENSION_CAP_EXCEEDED',
    `补时超过上限：该考生补时合计不得超过 ${capMinutes} 分钟，还可补 ${leftMinutes} 分钟；` +
      `如确需更多，请考务管理员说明理由后提高上限 (extension cap of ${capMinutes} minutes exceeded, ${leftMinutes} left)`,
  );
}

/** A raised cap must be above the session rule and cover what the candidate already has. */
export function assertRaisedCap(capMinutes: number, ruleMinutes: number, extendedMs: number): void {
  if (capMinutes * MINUTE_MS < extendedMs) {
    throw new CodedError(
      'BAD_REQUEST',
      `补时上限 ${capMinutes} 分钟低于该考生已补时间 ${Math.ceil(extendedMs / MINUTE_MS)} 分钟 (cap below the time already granted)`,
    );
  }
  if (capMinutes <= ruleMinutes) {
    throw new CodedError(
      'BAD_REQUEST',
      `补时上限 ${capMinutes} 分钟不高于本场规则的 ${ruleMinutes} 分钟，无需提高 (cap must be above the session rule)`,
    );
  }
}
