import type { PhaseProgress, Progress } from '@skillexam/shared';
import type { ReadMeter } from '../import-export/item-file-types';

/*
 * Progress of an import pass (docs/decisions/0941). Reading, checking and writing happen item by
 * item in one streamed pass (docs/decisions/0652), so the pass is ONE phase — `writing` for an
 * import, `checking` for a dry run — counted in what the reader can measure: bytes of the CSV
 * file or of the worksheet (their row count is unknown until the end), items for the formats
 * read whole. Every entry is a cancellation point.
 */

export interface PassProgress {
  /** After each entry of the file: reports the reader's position, or checks for a cancel. */
  step(): void;
  /** The pass read the whole file: the final event, `done === total`. */
  end(): void;
}

export function passProgress(
  progress: Progress,
  meter: ReadMeter | undefined,
  options: { readonly dryRun: boolean; readonly label: string },
): PassProgress {
  const phase: PhaseProgress = progress.phase(options.dryRun ? 'checking' : 'writing', {
    label: options.label,
    unit: meter?.unit ?? 'items',
    ...(meter === undefined ? {} : { total: meter.total }),
  });
  let reported = 0;
  let items = 0;
  return {
    step() {
      items += 1;
      const done = meter === undefined ? items : Math.min(meter.done(), meter.total);
      if (done > reported) {
        phase.advance(done - reported);
        reported = done;
      } else progress.check();
    },
    end() {
      const done = meter === undefined ? items : Math.min(meter.done(), meter.total);
      if (done > reported) phase.advance(done - reported);
      phase.end();
    },
  };
}
