import { describe, expect, it } from 'vitest';
import { ITEM_BODY_VERSION } from './item-body';
import {
  ITEM_BODY_UPGRADE_STEPS,
  upgradeItemBodyContent,
  type ItemBodyUpgradeStep,
} from './item-body-upgrades';

describe('upgrade step table', () => {
  it('has exactly one step for every version below the current one', () => {
    const froms = ITEM_BODY_UPGRADE_STEPS.map((step) => step.from).sort((a, b) => a - b);
    const expected = Array.from({ length: ITEM_BODY_VERSION - 1 }, (_, index) => index + 1);
    expect(froms).toEqual(expected);
  });

  it('leaves current-version content untouched', () => {
    const content = [{ type: 'paragraph', children: [{ text: 'x' }] }];
    expect(upgradeItemBodyContent(content, ITEM_BODY_VERSION)).toEqual({ ok: true, content });
  });
});

describe('upgradeItemBodyContent with a hypothetical table', () => {
  // v1 → v2 renamed "para" to "paragraph"; v2 → v3 wrapped content in an array of blocks.
  const steps: ItemBodyUpgradeStep[] = [
    { from: 2, upgrade: (content) => (Array.isArray(content) ? content : [content]) },
    {
      from: 1,
      upgrade: (content) =>
        JSON.parse(JSON.stringify(content).replaceAll('"para"', '"paragraph"')) as unknown,
    },
  ];

  it('applies the steps in version order', () => {
    const result = upgradeItemBodyContent({ type: 'para', children: [{ text: 'x' }] }, 1, steps, 3);
    expect(result).toEqual({
      ok: true,
      content: [{ type: 'paragraph', children: [{ text: 'x' }] }],
    });
  });

  it('starts from the stored version', () => {
    const result = upgradeItemBodyContent({ type: 'para' }, 2, steps, 3);
    expect(result).toEqual({ ok: true, content: [{ type: 'para' }] });
  });

  it('reports a gap in the table', () => {
    const result = upgradeItemBodyContent([], 1, [steps[0]!], 3);
    expect(result).toMatchObject({ ok: false, reason: 'missing_step' });
  });

  it('refuses versions from the future and nonsense versions', () => {
    expect(upgradeItemBodyContent([], 4, steps, 3)).toMatchObject({
      reason: 'version_from_future',
    });
    expect(upgradeItemBodyContent([], 0, steps, 3)).toMatchObject({
      reason: 'unsupported_version',
    });
  });
});
