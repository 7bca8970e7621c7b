import type { SeatLayout } from '@skillexam/shared';
import { useConsole } from '../../console-context';
import { cellKey, type GridDraft } from './grid-gaps';

interface Props {
  readonly draft: GridDraft;
  /** The numbered map as the server drew it. */
  readonly layout: SeatLayout | undefined;
  readonly title: string;
  readonly onToggle: (row: number, column: number) => void;
}

const CELL = { width: 56, height: 40, borderRadius: 4, fontSize: 13 } as const;

/** The editable grid (also the printed seating chart): click a seat to disable it, again to restore. */
export function SeatGridView({ draft, layout, title, onToggle }: Props) {
  const { t } = useConsole();
  const seats = new Map((layout?.seats ?? []).map((s) => [cellKey(s.row, s.column), s]));
  const cells = [];
  for (let row = 1; row <= draft.rows; row += 1) {
    for (let column = 1; column <= draft.columns; column += 1) {
      const key = cellKey(row, column);
      const where = `${t('rowN').replace('{n}', String(row))} ${t('columnN').replace('{n}', String(column))}`;
      if (draft.aisles.includes(column)) {
        cells.push(<div key={key} aria-hidden style={{ ...CELL, background: 'transparent' }} />);
        continue;
      }
      const seat = seats.get(key);
      cells.push(
        <button
          key={key}
          type="button"
          className="seat-cell"
          aria-label={
            seat === undefined
              ? `${where} ${t('seatDisabled')}`
              : `${where} ${t('seat')} ${seat.label}`
          }
          aria-pressed={seat === undefined}
          onClick={() => onToggle(row, column)}
          style={{
            ...CELL,
            cursor: 'pointer',
            border: '1px solid #8c8c8c',
            background: seat === undefined ? '#f0f0f0' : '#e6f4ff',
            color: seat === undefined ? '#595959' : '#002c8c',
          }}
        >
          {seat === undefined ? '✕' : seat.label}
        </button>,
      );
    }
  }
  return (
    <div className="seating-chart" data-testid="seating-chart">
      <style>{`@media print {
  body * { visibility: hidden; }
  .seating-chart, .seating-chart * { visibility: visible; }
  .seating-chart { position: absolute; left: 0; top: 0; }
  .seat-cell { border: 1px solid #000 !important; background: #fff !important; color: #000 !important; }
}`}</style>
      <h3 style={{ margin: '0 0 8px' }}>{title}</h3>
      <div style={{ display: 'inline-block', maxWidth: '100%' }}>
        <div style={{ textAlign: 'center', marginBottom: 8, color: '#595959' }}>{t('front')}</div>
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: `repeat(${draft.columns}, ${CELL.width}px)`,
            gap: 6,
            overflowX: 'auto',
          }}
        >
          {cells}
        </div>
      </div>
    </div>
  );
}
