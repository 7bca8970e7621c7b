import cliProgress from 'cli-progress';
import { t } from '../i18n/translate';
import type { Locale } from '../i18n/locale';
import type { ProgressEvent, ProgressListener } from '../progress/progress';

/*
 * Progress of a long CLI operation on the terminal (docs/decisions/0940): a `cli-progress` bar
 * per phase — its name, label and done/total — on a TTY only; nothing in a pipe; with `json`
 * one `{"progress":{…}}` line per event, TTY or not (docs/decisions/0940). Node only, like
 * `./sql`: the CLIs import it as `@skillexam/shared/progress-terminal`.
 */

/** Where the bar goes: process.stderr, or any object with `write` (tests: a fake TTY). */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface TerminalProgressOptions {
  readonly stream: ProgressStream;
  /** One JSON line per event instead of a bar. */
  readonly json?: boolean;
  readonly locale?: Locale;
}

export interface TerminalProgress extends ProgressListener {
  /** Ends the bar on screen (its line stays) and stops its redraw timer; safe to call twice. */
  stop(): void;
}

const MIB = 1024 * 1024;

function amount(value: number, unit: ProgressEvent['unit']): string {
  if (unit === 'bytes') return value >= MIB ? `${(value / MIB).toFixed(1)} MiB` : `${value} B`;
  return value.toLocaleString('en-US');
}

/** `读取 items.csv  12.0 MiB / 40.0 MiB` — the counts part of a bar line. */
export function describeCounts(event: ProgressEvent, locale: Locale): string {
  const unit = event.unit === 'bytes' ? '' : ` ${unitName(event, locale)}`;
  const done = amount(event.done, event.unit);
  return event.total === undefined
    ? `${done}${unit}`
    : `${done} / ${amount(event.total, event.unit)}${unit}`;
}

function unitName(event: ProgressEvent, locale: Locale): string {
  return t(locale, `progress.unit.${event.unit ?? 'items'}`);
}

export function phaseTitle(event: ProgressEvent, locale: Locale): string {
  const name = t(locale, `progress.phase.${event.phase}`);
  return event.label === undefined ? name : `${name} ${event.label}`;
}

function jsonListener(stream: ProgressStream): TerminalProgress {
  return Object.assign(
    (event: ProgressEvent) => {
      stream.write(`${JSON.stringify({ progress: event })}\n`);
    },
    { stop: () => undefined },
  );
}

function barListener(stream: ProgressStream, locale: Locale): TerminalProgress {
  let bar: cliProgress.SingleBar | undefined;
  let key = '';
  const stop = () => {
    bar?.stop();
    bar = undefined;
    key = '';
  };
  const listener = (event: ProgressEvent) => {
    const eventKey = `${event.phase}|${event.label ?? ''}`;
    const payload = { title: phaseTitle(event, locale), counts: describeCounts(event, locale) };
    if (bar === undefined || eventKey !== key) {
      stop();
      key = eventKey;
      const known = event.total !== undefined;
      bar = new cliProgress.SingleBar(
        {
          stream: stream as NodeJS.WritableStream,
          format: known ? '{title} [{bar}] {percentage}% {counts}' : '{title} … {counts}',
          hideCursor: false,
          clearOnComplete: false,
          barsize: 30,
          fps: 10,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(event.total ?? 0, 1), Math.min(event.done, event.total ?? 0), payload);
    }
    const total = event.total ?? 0;
    if (event.total !== undefined) bar.setTotal(Math.max(total, 1));
    bar.update(event.total === undefined ? 0 : event.done, payload);
    if (event.finished === true) {
      if (event.total === undefined) bar.update(1, payload);
      stop();
    }
  };
  return Object.assign(listener, { stop });
}

/**
 * A listener that shows progress on `stream`: JSON lines with `json`, else a bar when the
 * stream is a TTY, else nothing. Call `stop()` when the operation ends (or fails).
 */
export function createTerminalProgress(options: TerminalProgressOptions): TerminalProgress {
  const locale = options.locale ?? 'zh-CN';
  if (options.json === true) return jsonListener(options.stream);
  if (options.stream.isTTY !== true)
    return Object.assign(() => undefined, { stop: () => undefined });
  return barListener(options.stream, locale);
}
