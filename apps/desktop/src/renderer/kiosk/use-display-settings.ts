import type { Accommodations } from '@skillexam/shared';
import { useCallback, useState } from 'react';

const KEY = 'skillexam.kiosk.display';

interface DisplaySettings {
  readonly fontStep: number;
  readonly highContrast: boolean;
}

function load(): DisplaySettings {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as Partial<DisplaySettings>;
    const step =
      typeof parsed.fontStep === 'number' ? Math.min(2, Math.max(0, parsed.fontStep)) : 0;
    return { fontStep: step, highContrast: parsed.highContrast === true };
  } catch {
    return { fontStep: 0, highContrast: false };
  }
}

/**
 * At login, the roster's 考生便利措施 preset the display: the largest text size and/or high
 * contrast. Only ever raised, so a candidate's own choice on this PC is not taken away.
 */
export function presetDisplay(accommodations: Accommodations | undefined): void {
  if (accommodations === undefined) return;
  const current = load();
  window.localStorage.setItem(
    KEY,
    JSON.stringify({
      fontStep: accommodations.largeText ? 2 : current.fontStep,
      highContrast: accommodations.highContrast || current.highContrast,
    }),
  );
}

/** Text size (3 steps) and high contrast, remembered on this PC. */
export function useDisplaySettings() {
  const [settings, setSettings] = useState<DisplaySettings>(load);
  const update = useCallback((next: DisplaySettings) => {
    window.localStorage.setItem(KEY, JSON.stringify(next));
    setSettings(next);
  }, []);
  return {
    ...settings,
    setFontStep: (fontStep: number) =>
      update({ ...settings, fontStep: Math.min(2, Math.max(0, fontStep)) }),
    setHighContrast: (highContrast: boolean) => update({ ...settings, highContrast }),
  };
}
