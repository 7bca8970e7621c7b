import { ITEM_BODY_VERSION } from './item-body';

/**
 * Step migrations of the stored item-body content, one per version bump, applied in order:
 * a version-N body passes through the steps `from: N`, `from: N + 1`, … up to the current version.
 * Version 1 is the first format, so the table is empty. When version 2 arrives, add
 * `{ from: 1, upgrade: (content) => … }` (with a fixture test) and set ITEM_BODY_VERSION to 2.
 * Steps receive unvalidated JSON and must not throw on surprises; unknown nodes are
 * dropped after the last step anyway.
 */
export interface ItemBodyUpgradeStep {
  readonly from: number;
  readonly upgrade: (content: unknown) => unknown;
}

export const ITEM_BODY_UPGRADE_STEPS: readonly ItemBodyUpgradeStep[] = [];

export type UpgradeItemBodyResult =
  | { ok: true; content: unknown }
  | {
      ok: false;
      reason: 'unsupported_version' | 'version_from_future' | 'missing_step';
      message: string;
    };

export function upgradeItemBodyContent(
  content: unknown,
  fromVersion: number,
  steps: readonly ItemBodyUpgradeStep[] = ITEM_BODY_UPGRADE_STEPS,
  targetVersion: number = ITEM_BODY_VERSION,
): UpgradeItemBodyResult {
  if (!Number.isInteger(fromVersion) || fromVersion < 1) {
    return {
      ok: false,
      reason: 'unsupported_version',
      message: `item-body version ${String(fromVersion)} is not a positive integer`,
    };
  }
  if (fromVersion > targetVersion) {
    return {
      ok: false,
      reason: 'version_from_future',
      message: `item-body version ${fromVersion} is newer than this program understands (${targetVersion}); update the program`,
    };
  }
  let current = content;
  for (let version = fromVersion; version < targetVersion; version += 1) {
    const step = steps.find((candidate) => candidate.from === version);
    if (step === undefined) {
      return {
        ok: false,
        reason: 'missing_step',
        message: `no upgrade step from item-body version ${version}`,
      };
    }
    current = step.upgrade(current);
  }
  return { ok: true, content: current };
}
