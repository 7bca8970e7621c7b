import type { SeatTone } from '../../seatmap/seat-grid';
import type { StatusCounts } from '../../store/counts';
import type { MonitorText, MonitorTextKey } from './monitor-messages';

type TileKey = keyof StatusCounts & MonitorTextKey;

/** The status tiles above the seat map, in order; each key is also its label's key. */
export const COUNT_TILES: readonly { key: TileKey; color: string }[] = [
  { key: 'notLoggedIn', color: '#8c8c8c' },
  { key: 'loggedIn', color: '#1677ff' },
  { key: 'awaitingAdmission', color: '#2f54eb' },
  { key: 'inProgress', color: '#389e0d' },
  { key: 'paused', color: '#d48806' },
  { key: 'offline', color: '#cf1322' },
  { key: 'submitted', color: '#722ed1' },
];

/** The seat map's legend, in order. */
export const LEGEND_TONES: readonly SeatTone[] = [
  'empty',
  'idle',
  'absent',
  'waiting',
  'active',
  'paused',
  'offline',
  'done',
  'voided',
];

/** The legend's labels in the console's language. */
export function toneLabels(text: MonitorText): Record<SeatTone, string> {
  return Object.fromEntries(LEGEND_TONES.map((tone) => [tone, text(`tone_${tone}`)])) as Record<
    SeatTone,
    string
  >;
}
