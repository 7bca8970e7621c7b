import type { SeatedCandidate, SeatLayout } from '@skillexam/shared';
import { useConsole } from '../../console-context';
import { cellKey } from './grid-gaps';
import { useSeatText } from './seat-messages';

interface Props {
  readonly layout: SeatLayout;
  readonly occupants: ReadonlyMap<number, SeatedCandidate>;
  readonly title: string;
  readonly disabled: boolean;
  readonly onPick: (seat: number) => void;
}

const CELL = { width: 104, height: 64, borderRadius: 4, fontSize: 12, padding: 2 } as const;

/**
 * The saved seat map with who sits where (label, name, 准考证号 inside, all of it on hover);
 * clicking a seat opens the assign dialog. Cells without a seat are greyed, the 讲台 at the top.
 */
export function AssignGrid({ layout, occupants, title, disabled, onPick }: Props) {
  const { t } = useConsole();
  const s = useSeatText();
  const seats = new Map(layout.seats.map((seat) => [cellKey(seat.row, seat.column), seat]));
  const cells = [];
  for (let row = 1; row <= layout.rows; row += 1) {
    for (let column = 1; column <= layout.columns; column += 1) {
      const key = cellKey(row, column);
      const seat = seats.get(key);
      if (seat === undefined) {
        cells.push(
          <div
            key={key}
            aria-hidden
            style={{ ...CELL, background: '#f5f5f5', border: '1px dashed #d9d9d9' }}
          />,
        );
        continue;
      }
      const who = occupants.get(seat.seat);
      const title =
        who === undefined
          ? s('seatFree', { label: seat.label })
          : s('seatWith', { label: seat.label, name: who.name, ticket: who.admissionTicketNumber });
      // the accessible name starts with 座位 and then reads exactly the visible lines
      const name =
        who === undefined
          ? `${s('seatWord')} ${seat.label} ${s('seatEmpty')}`
          : `${s('seatWord')} ${seat.label} ${who.name} ${who.admissionTicketNumber}`;
      cells.push(
        <button
          key={key}
          type="button"
          className="assign-seat"
          aria-label={name}
          title={title}
          disabled={disabled}
          onClick={() => onPick(seat.seat)}
          style={{
            ...CELL,
            cursor: disabled ? 'not-allowed' : 'pointer',
            border: '1px solid #8c8c8c',
            background: who === undefined ? '#ffffff' : '#e6f4ff',
            color: who === undefined ? '#595959' : '#002c8c',
            overflow: 'hidden',
            lineHeight: 1.3,
          }}
        >
          <strong style={{ display: 'block' }}>{seat.label} </strong>
          <span style={{ display: 'block' }}>
            {who === undefined ? s('seatEmpty') : `${who.name} `}
          </span>
          {who !== undefined && (
            <span style={{ display: 'block', fontSize: 11 }}>{who.admissionTicketNumber}</span>
          )}
        </button>,
      );
    }
  }
  return (
    <div data-testid="assign-grid">
      <h3 style={{ margin: '0 0 8px' }}>{title}</h3>
      <div style={{ display: 'inline-block', maxWidth: '100%' }}>
        <div
          style={{
            margin: '0 auto 8px',
            padding: 4,
            width: '60%',
            textAlign: 'center',
            border: '1px solid #8c8c8c',
            color: '#434343',
          }}
        >
          {t('front')}
        </div>
        <div style={{ overflowX: 'auto' }}>
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: `repeat(${layout.columns}, ${CELL.width}px)`,
              gap: 6,
            }}
          >
            {cells}
          </div>
        </div>
      </div>
    </div>
  );
}
