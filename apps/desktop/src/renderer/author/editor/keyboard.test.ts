import { describe, expect, it } from 'vitest';
import { keyboardCommand } from './keyboard';

const key = (
  k: string,
  mods: Partial<Record<'ctrl' | 'meta' | 'shift' | 'alt', boolean>> = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl === true,
  metaKey: mods.meta === true,
  shiftKey: mods.shift === true,
  altKey: mods.alt === true,
});

describe('editor shortcuts', () => {
  it.each([
    [key('b', { ctrl: true }), 'bold'],
    [key('I', { ctrl: true }), 'italic'],
    [key('u', { meta: true }), 'underline'],
    [key('=', { ctrl: true }), 'subscript'],
    [key('+', { ctrl: true, shift: true }), 'superscript'],
    [key('z', { ctrl: true }), 'undo'],
    [key('z', { ctrl: true, shift: true }), 'redo'],
    [key('y', { ctrl: true }), 'redo'],
  ] as const)('%o → %s', (event, command) => {
    expect(keyboardCommand(event)).toBe(command);
  });

  it('leaves plain typing, Alt combinations and unknown shortcuts alone', () => {
    expect(keyboardCommand(key('b'))).toBeUndefined();
    expect(keyboardCommand(key('ArrowUp', { alt: true }))).toBeUndefined();
    expect(keyboardCommand(key('b', { ctrl: true, alt: true }))).toBeUndefined();
    expect(keyboardCommand(key('s', { ctrl: true }))).toBeUndefined();
    expect(keyboardCommand(key('B', { ctrl: true, shift: true }))).toBeUndefined();
  });
});
