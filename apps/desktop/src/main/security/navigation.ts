/** The origin the renderer is served from inside Electron (registered as a privileged scheme). */
export const APP_ORIGIN = 'app://desktop';

/**
 * True only for our own pages. Everything else (http, file, data, javascript, other app
 * hosts, credentials tricks) is refused: the kiosk must never navigate away from the exam.
 */
export function isInternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'app:' &&
    url.host === 'desktop' &&
    url.username === '' &&
    url.password === '' &&
    url.port === ''
  );
}
