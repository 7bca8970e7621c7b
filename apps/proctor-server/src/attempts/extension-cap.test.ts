import { CodedError } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { assertRaisedCap, assertWithinExtensionCap, extensionCapMs } from './extension-cap';

const minutes = (n: number): number => n * 60_000;

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof CodedError ? error.code : 'not coded';
  }
}

describe('补时上限', () => {
  it('uses the raised cap when there is one, else the session rule', () => {
    expect(extensionCapMs(undefined, 60)).toBe(minutes(60));
    expect(extensionCapMs(minutes(90), 60)).toBe(minutes(90));
  });

  it('allows up to the cap in total and refuses one minute more with a typed error', () => {
    expect(codeOf(() => assertWithinExtensionCap(minutes(40), 20, minutes(60)))).toBeUndefined();
    expect(codeOf(() => assertWithinExtensionCap(minutes(40), 21, minutes(60)))).toBe(
      'EXTENSION_CAP_EXCEEDED',
    );
    expect(() => assertWithinExtensionCap(minutes(40), 21, minutes(60))).toThrow(/还可补 20 分钟/);
    expect(codeOf(() => assertWithinExtensionCap(0, 1, 0))).toBe('EXTENSION_CAP_EXCEEDED');
  });

  it('a raised cap must exceed the rule and cover what was already granted', () => {
    expect(codeOf(() => assertRaisedCap(90, 60, minutes(60)))).toBeUndefined();
    expect(codeOf(() => assertRaisedCap(60, 60, 0))).toBe('BAD_REQUEST');
    expect(codeOf(() => assertRaisedCap(70, 60, minutes(80)))).toBe('BAD_REQUEST');
  });
});
