import { encodeRgbPng } from '../../apps/desktop/test/support/test-image';

/**
 * Placeholder ID photos for the sample roster (blue background, a grey head and shoulders);
 * `hue` (0–1) shifts the background so photos are told apart. Real rosters carry real photos.
 */
export function placeholderPhoto(hue: number): Buffer {
  const background = [60 + Math.round(60 * hue), 120, 200 - Math.round(60 * hue)] as const;
  const person = [200, 200, 205] as const;
  return encodeRgbPng(120, 160, (x, y) => {
    const head = (x - 60) ** 2 / 26 ** 2 + (y - 62) ** 2 / 32 ** 2 <= 1;
    const shoulders = y > 112 && (x - 60) ** 2 / 52 ** 2 + (y - 165) ** 2 / 55 ** 2 <= 1;
    return head || shoulders ? person : background;
  });
}
