import { Button, Progress, Space, Typography } from 'antd';
import { t as sharedText, type Locale, type ProgressEvent } from '@skillexam/shared';

/*
 * Progress of a long operation as the work reports it (docs/decisions/0949): the current
 * phase's name and label, done/total in its unit, a bar when the total is known, the phases
 * already finished, and a cancel button while it runs.
 */

export interface ProgressPanelProps {
  readonly lang: Locale;
  /** The latest event of each phase so far, in order. */
  readonly phases: readonly ProgressEvent[];
  readonly current?: ProgressEvent;
  readonly running: boolean;
  /** How it ended, when it has: the bar turns green or red. */
  readonly outcome?: 'success' | 'exception';
  readonly cancelLabel: string;
  readonly onCancel?: () => void;
}

const KIB = 1024;
const MIB = 1024 * 1024;

/** The unit bytes are shown in: the largest that keeps the total at 1 or more. */
function byteScale(event: ProgressEvent): { divisor: number; name: string } {
  const largest = event.total ?? event.done;
  if (largest >= MIB) return { divisor: MIB, name: 'MiB' };
  if (largest >= KIB) return { divisor: KIB, name: 'KiB' };
  return { divisor: 1, name: 'B' };
}

/** `12 / 40 项`, `3.0 / 12.5 MiB`. */
export function countsOf(event: ProgressEvent, lang: Locale): string {
  let unit = sharedText(lang, `progress.unit.${event.unit ?? 'items'}`);
  let shown = (value: number) => value.toLocaleString();
  if (event.unit === 'bytes') {
    const scale = byteScale(event);
    unit = scale.name;
    shown = (value) => (value / scale.divisor).toFixed(scale.divisor === 1 ? 0 : 1);
  }
  return event.total === undefined
    ? `${shown(event.done)} ${unit}`
    : `${shown(event.done)} / ${shown(event.total)} ${unit}`;
}

export function phaseName(event: ProgressEvent, lang: Locale): string {
  return sharedText(lang, `progress.phase.${event.phase}`);
}

function percentOf(event: ProgressEvent): number | undefined {
  if (event.total === undefined) return undefined;
  if (event.total === 0) return 100;
  return Math.floor((event.done / event.total) * 100);
}

export function ProgressPanel(props: ProgressPanelProps) {
  const { lang, phases, current, running } = props;
  const percent = current === undefined ? 0 : percentOf(current);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="progress-panel">
      {current !== undefined && (
        <Typography.Text strong data-testid="progress-phase">
          {phaseName(current, lang)}
          {current.label === undefined ? '' : ` · ${current.label}`}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            <span data-testid="progress-counts">{countsOf(current, lang)}</span>
          </Typography.Text>
        </Typography.Text>
      )}
      <Space style={{ width: '100%' }} align="center">
        <Progress
          style={{ width: 420, maxWidth: '60vw', marginBottom: 0 }}
          percent={percent ?? 0}
          status={running ? 'active' : (props.outcome ?? 'normal')}
          aria-label={current === undefined ? undefined : phaseName(current, lang)}
          data-testid="progress-bar"
          data-percent={percent ?? ''}
        />
        {running && props.onCancel !== undefined && (
          <Button danger onClick={props.onCancel} data-testid="progress-cancel">
            {props.cancelLabel}
          </Button>
        )}
      </Space>
      <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="progress-phases">
        {phases.map((event) => (
          <li key={`${event.phase}|${event.label ?? ''}`}>
            <Typography.Text {...(event.finished === true ? { type: 'secondary' as const } : {})}>
              {phaseName(event, lang)}
              {event.label === undefined ? '' : ` · ${event.label}`} — {countsOf(event, lang)}
              {event.finished === true ? ' ✓' : ''}
            </Typography.Text>
          </li>
        ))}
      </ol>
    </Space>
  );
}
