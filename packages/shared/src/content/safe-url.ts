/** URL schemes an image source may use. Anything else (javascript:, vbscript:, file:, …) is refused. */
const SAFE_SCHEMES = new Set(['http', 'https', 'app', 'blob']);

/** Raster image data URLs only: an SVG data URL can carry script. */
const SAFE_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=]*$/i;

/** Browsers ignore ASCII control characters and spaces inside a scheme ("java\tscript:"). */
function withoutControlsAndSpaces(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code > 0x20 && code !== 0x7f) out += char;
  }
  return out;
}

/**
 * Whether a URL may go into an `<img src>`: a same-origin relative path, an allowed scheme,
 * or a raster `data:image/…;base64` URL. Protocol-relative URLs (`//host`) are refused.
 */
export function isSafeImageUrl(url: string): boolean {
  const compact = withoutControlsAndSpaces(url);
  if (compact === '') return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return !/^[/\\]{2}/.test(compact);
  }
  if (scheme === 'data') return SAFE_DATA_URL.test(compact);
  return SAFE_SCHEMES.has(scheme);
}
