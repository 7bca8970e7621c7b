import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * The kiosk's small settings file in the app data dir: the last server that worked, so the next
 * start (or the next candidate on this PC) does not have to type it again.
 */
export const KioskSettingsSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * The offline exit password as `scrypt$N$salt$hash`, written at deployment
   * (docs/deployment.md); used only when the proctor server cannot be reached.
   */
  offlineExitHash: z.string().max(300).optional(),
});
export type KioskSettings = z.infer<typeof KioskSettingsSchema>;

/** Reads the settings; a missing, unreadable or malformed file means "no settings yet". */
export function loadKioskSettings(file: string): KioskSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const parsed = KioskSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * Merges `changes` into the settings and writes them atomically (temp file + rename), so a
 * power cut leaves the old or the new file, and fields written at deployment are kept.
 */
export function saveKioskSettings(file: string, changes: KioskSettings): void {
  const valid = KioskSettingsSchema.parse({ ...loadKioskSettings(file), ...changes });
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(valid, null, 2)}\n`, 'utf8');
  renameSync(temp, file);
}
