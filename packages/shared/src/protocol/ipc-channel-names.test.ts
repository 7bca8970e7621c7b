import { describe, expect, it } from 'vitest';
import { bankChannels } from './bank-channels';
import { classificationChannels } from './classification-channels';
import { HostEventSchema, ipcContract } from './ipc-contract';

/** One casing for every event name: `domain:kebab-case` (docs/decisions/0844). */
const EVENT_NAME = /^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/;

function badNames(names: readonly string[]): string[] {
  return names.filter((name) => !EVENT_NAME.test(name));
}

describe('IPC channel names', () => {
  it('every channel of the desktop bridge is domain:kebab-case', () => {
    const names = Object.keys(ipcContract);
    expect(names.length).toBeGreaterThan(40);
    expect(badNames(names)).toEqual([]);
  });

  it('the bank and classification channels are all in the contract and kebab-case', () => {
    const names = [...Object.keys(bankChannels), ...Object.keys(classificationChannels)];
    expect(names.filter((name) => !Object.hasOwn(ipcContract, name))).toEqual([]);
    expect(badNames(names)).toEqual([]);
  });

  it('every host event type pushed to the renderer is domain:kebab-case', () => {
    const types = HostEventSchema.options.map((option) => option.shape.type.value);
    expect(types).toContain('exam:status');
    expect(badNames(types)).toEqual([]);
  });

  it('the pattern rejects camelCase and other spellings', () => {
    expect(
      badNames(['exam:confirmIdentity', 'Bank:search', 'bank:', 'bank:a--b', 'bank:a_b']),
    ).toEqual(['exam:confirmIdentity', 'Bank:search', 'bank:', 'bank:a--b', 'bank:a_b']);
    expect(badNames(['exam:confirm-identity', 'kiosk:exit-requested'])).toEqual([]);
  });
});
