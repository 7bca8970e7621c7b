import type { AttemptProgress, AttemptView, SeatLayout } from '@skillexam/shared';
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { isOffline } from '../store/counts';
import { useComponentText } from './component-messages';
import {
  cellPosition,
  gridGeometry,
  seatsByRow,
  seatTone,
  TONE_COLORS,
  visibleRows,
  type SeatTone,
} from '../seatmap/seat-grid';

interface SeatCellProps {
  readonly label: string;
  readonly attempt: AttemptView | undefined;
  readonly progress: AttemptProgress | undefined;
  readonly tone: SeatTone;
  /** The server refused one of this candidate's answers (docs/decisions/0227). */
  readonly saveRejected: boolean;
  /** 答案被拒收 / 缺考 in the console's language. */
  readonly rejectedLabel: string;
  readonly absentLabel: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly onSelect: (attemptId: string) => void;
}

const SEAT_CSS = `
.seat { position: absolute; box-sizing: border-box; padding: 4px 6px; border: 1px solid; border-left-width: 4px;
  border-radius: 4px; color: #262626; cursor: pointer; text-align: left; font: inherit; font-size: 12px;
  line-height: 18px; overflow: hidden; }
.seat:disabled { cursor: default; }
.seat-head { display: flex; justify-content: space-between; font-weight: 600; }
.seat-count { font-weight: 400; opacity: 0.75; }
.seat-name { white-space: nowrap; text-overflow: ellipsis; overflow: hidden; }
.seat-bar { height: 3px; background: rgba(0, 0, 0, 0.08); margin-top: 3px; }
.seat-bar > div { height: 3px; }
${(Object.keys(TONE_COLORS) as SeatTone[])
  .map(
    (tone) =>
      `.seat-${tone} { background: ${TONE_COLORS[tone].background}; border-color: ${TONE_COLORS[tone].border}; }
.seat-${tone} .seat-bar > div { background: ${TONE_COLORS[tone].border}; }`,
  )
  .join('\n')}
.seat-voided { color: #fff; }
.seat-absent { border-style: dashed; color: #595959; }
.seat-absent-tag { font-weight: 400; }
.seat-rejected { color: #cf1322; font-weight: 600; }
`;

/** The seat styles as one stylesheet: a re-render changes a class name, not 15 inline styles. */
function ensureSeatStyles(): void {
  if (document.getElementById('seat-map-styles') !== null) return;
  const style = document.createElement('style');
  style.id = 'seat-map-styles';
  style.textContent = SEAT_CSS;
  document.head.append(style);
}

/** One seat; memoized, so a batch re-renders only the seats whose attempt or tone changed. */
const SeatCell = memo(function SeatCell({
  label,
  attempt,
  progress,
  tone,
  saveRejected,
  rejectedLabel,
  absentLabel,
  x,
  y,
  width,
  height,
  onSelect,
}: SeatCellProps) {
  // a 缺考 seat shows no progress: the candidate never sat the exam
  const shown = tone === 'absent' ? undefined : progress;
  const percent =
    shown === undefined || shown.total === 0
      ? undefined
      : Math.round((100 * shown.answered) / shown.total);
  return (
    <button
      type="button"
      className={`seat seat-${tone}`}
      data-seat={label}
      data-tone={tone}
      data-save-rejected={saveRejected ? 'true' : undefined}
      disabled={attempt === undefined}
      onClick={() => attempt !== undefined && onSelect(attempt.attemptId)}
      title={
        attempt === undefined ? label : `${label} ${attempt.name} ${attempt.admissionTicketNumber}`
      }
      style={{ left: x, top: y, width, height }}
    >
      <div className="seat-head">
        <span>
          {label}
          {saveRejected && <span className="seat-rejected"> {rejectedLabel}</span>}
        </span>
        {tone === 'absent' && <span className="seat-absent-tag">{absentLabel}</span>}
        {shown !== undefined && (
          <span className="seat-count">
            {shown.answered}/{shown.total}
          </span>
        )}
      </div>
      <div className="seat-name">{attempt?.name ?? '—'}</div>
      {percent !== undefined && (
        <div className="seat-bar">
          <div style={{ width: `${percent}%` }} />
        </div>
      )}
    </button>
  );
});

interface Props {
  readonly layout: SeatLayout;
  /** Attempts of this room by seat number. */
  readonly bySeat: ReadonlyMap<number, AttemptView>;
  readonly progress: Readonly<Record<string, AttemptProgress>>;
  readonly serverNow: number;
  /** Attempts with an answer the server refused (docs/decisions/0227). */
  readonly saveRejected?: ReadonlySet<string>;
  /** Attempts the server listed 缺考 after the login cutoff. */
  readonly absent?: ReadonlySet<string>;
  readonly height: number;
  readonly onSelect: (attemptId: string) => void;
}

/** The room's seat map, front row first; renders only the rows in view. */
export function SeatMap({
  layout,
  bySeat,
  progress,
  serverNow,
  saveRejected,
  absent,
  height,
  onSelect,
}: Props) {
  const text = useComponentText();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useLayoutEffect(ensureSeatStyles, []);
  const [scrollTop, setScrollTop] = useState(0);
  useLayoutEffect(() => {
    const element = box.current;
    if (element === null) return undefined;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);
  const geometry = useMemo(() => gridGeometry(layout, width), [layout, width]);
  const rows = useMemo(() => seatsByRow(layout), [layout]);
  const { first, last } = visibleRows(geometry, scrollTop, height);
  const cells = [];
  for (let row = first; row <= last; row += 1) {
    for (const seat of rows.get(row) ?? []) {
      const attempt = bySeat.get(seat.seat);
      const p = attempt === undefined ? undefined : progress[attempt.attemptId];
      const offline = attempt !== undefined && isOffline(attempt, p, serverNow);
      const { x, y } = cellPosition(geometry, seat.row, seat.column);
      cells.push(
        <SeatCell
          key={seat.seat}
          label={seat.label}
          attempt={attempt}
          progress={p}
          tone={seatTone(attempt, offline, attempt !== undefined && absent?.has(attempt.attemptId))}
          saveRejected={attempt !== undefined && saveRejected?.has(attempt.attemptId) === true}
          rejectedLabel={text('seatRejected')}
          absentLabel={text('seatAbsent')}
          x={x}
          y={y}
          width={geometry.cellWidth}
          height={geometry.cellHeight}
          onSelect={onSelect}
        />,
      );
    }
  }
  return (
    <div
      ref={box}
      data-testid="seat-map"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      style={{
        height: Math.min(height, geometry.height + 2),
        overflow: 'auto',
        position: 'relative',
        background: '#fff',
        border: '1px solid #f0f0f0',
      }}
    >
      <div style={{ position: 'relative', width: geometry.width, height: geometry.height }}>
        {cells}
      </div>
    </div>
  );
}

export function SeatLegend({ labels }: { labels: Readonly<Record<SeatTone, string>> }) {
  return (
    <div
      data-testid="seat-legend"
      style={{ display: 'flex', gap: 12, flexWrap: 'wrap', fontSize: 12, marginBottom: 8 }}
    >
      {(Object.keys(labels) as SeatTone[]).map((tone) => (
        <span key={tone} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <span
            style={{
              width: 12,
              height: 12,
              borderRadius: 2,
              background: TONE_COLORS[tone].background,
              border: `2px ${tone === 'absent' ? 'dashed' : 'solid'} ${TONE_COLORS[tone].border}`,
            }}
          />
          {labels[tone]}
        </span>
      ))}
    </div>
  );
}
