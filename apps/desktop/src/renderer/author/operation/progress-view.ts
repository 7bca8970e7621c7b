import type { MessageKey, ProgressEventMessage } from '@skillexam/shared';
import { formatSize } from '../format-size';

/*
 * How a progress event reads on screen (docs/decisions/0952-workbench-progress-view.md): the
 * phase's name, what it works on, the count in its own unit, and a percentage only when the
 * work knows its total — otherwise the bar is indeterminate, never a guess.
 */

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Whole percent done, or undefined when the phase has no known total (indeterminate bar). */
export function percentOf(event: ProgressEventMessage): number | undefined {
  if (event.total === undefined) return undefined;
  if (event.total === 0) return event.finished === true ? 100 : 0;
  return Math.min(100, Math.floor((event.done / event.total) * 100));
}

/** `1.2 MB / 2.4 MB`, `2 / 5 套`, `3,000 题`. */
export function countText(event: ProgressEventMessage, t: Translate): string {
  if (event.unit === 'bytes') {
    const done = formatSize(event.done);
    return event.total === undefined ? done : `${done} / ${formatSize(event.total)}`;
  }
  const unit = t(`progress.unit.${event.unit ?? 'items'}`);
  const done = event.done.toLocaleString('en-US');
  return event.total === undefined
    ? `${done} ${unit}`
    : `${done} / ${event.total.toLocaleString('en-US')} ${unit}`;
}

/** `写入 · items.csv`: the phase's display name and what it works on. */
export function phaseText(event: ProgressEventMessage, t: Translate): string {
  const name = t(`progress.phase.${event.phase}`);
  return event.label === undefined ? name : `${name} · ${event.label}`;
}
