import type { PaperIndex } from './exam-navigation';

/** The 答题卡 draws each section as rows of this many cells. */
export const PALETTE_COLUMNS = 6;

/**
 * Where a key moves the focus in the 答题卡 grid (roving tabindex): ←/→ to the previous/next
 * question across rows and sections, ↑/↓ one row within the section, Home/End to the first/last
 * question. Returns the flat index to focus, or undefined when the key is not a grid key.
 */
export function paletteKeyTarget(index: PaperIndex, from: number, key: string): number | undefined {
  const last = index.items.length - 1;
  const at = index.items[from];
  if (at === undefined) return undefined;
  const sectionStart = index.sectionStarts[at.sectionIndex] ?? 0;
  const sectionEnd = (index.sectionStarts[at.sectionIndex + 1] ?? index.items.length) - 1;
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, from - 1);
    case 'ArrowRight':
      return Math.min(last, from + 1);
    case 'ArrowUp':
      return from - PALETTE_COLUMNS >= sectionStart ? from - PALETTE_COLUMNS : from;
    case 'ArrowDown':
      return from + PALETTE_COLUMNS <= sectionEnd ? from + PALETTE_COLUMNS : from;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}

/** Splits a section's questions into the grid's rows. */
export function paletteRows<T>(cells: readonly T[]): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < cells.length; i += PALETTE_COLUMNS)
    rows.push(cells.slice(i, i + PALETTE_COLUMNS));
  return rows;
}
