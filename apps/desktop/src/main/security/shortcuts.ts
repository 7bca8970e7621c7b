import type { WindowKind } from '@skillexam/shared';

/** The parts of Electron's `before-input-event` Input that the decision needs. */
export interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly alt: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
}

const ALWAYS_BLOCKED = new Set(['F12']);
const KIOSK_BLOCKED_KEYS = new Set([
  'F5',
  'F11',
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
]);
/** With Ctrl/⌘: reload, close, print, save, new window/tab, open, find-in-page, zoom reset, view source. */
const KIOSK_BLOCKED_WITH_MOD = new Set([
  'r',
  'w',
  'p',
  's',
  'n',
  't',
  'o',
  'f',
  'u',
  'q',
  'm',
  'h',
]);

/**
 * Whether the window swallows a key press. The kiosk blocks what Electron can block inside the
 * window; OS-level combinations (Alt+Tab, Ctrl+Alt+Del) are detected as focus loss and reported,
 * and locked down by the OS configuration (docs/deployment).
 */
export function isBlockedShortcut(kind: WindowKind, input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const mod = input.control || input.meta;
  if (ALWAYS_BLOCKED.has(input.key)) return true;
  if (mod && input.shift && ['i', 'j', 'c'].includes(input.key.toLowerCase())) return true; // devtools
  if (kind === 'author') return false;
  if (KIOSK_BLOCKED_KEYS.has(input.key)) return true;
  if (input.alt && (input.key === 'F4' || input.key === 'ArrowLeft' || input.key === 'ArrowRight'))
    return true;
  if (mod && KIOSK_BLOCKED_WITH_MOD.has(input.key.toLowerCase())) return true;
  if (mod && (input.key === '+' || input.key === '=' || input.key === '-' || input.key === '0'))
    return true;
  return false;
}
