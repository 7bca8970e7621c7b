import { Select, Space } from 'antd';
import type { AttemptProgress, AttemptStatus, AttemptView, Locale } from '@skillexam/shared';
import { memo, useLayoutEffect, useMemo, useState } from 'react';
import { useConsole } from '../console-context';
import { AccommodationChip } from './AccommodationChip';
import { attemptStatusLabel } from '../format/format';
import type { MessageKey } from '../i18n/messages';
import { isOffline } from '../store/counts';
import { sortRows, visibleRowRange, type SortKey } from '../table/virtual-rows';

export const STATUS_COLORS: Readonly<Record<AttemptStatus, string>> = {
  registered: 'default',
  logged_in: 'blue',
  admitted: 'geekblue',
  in_progress: 'green',
  paused: 'gold',
  submitted: 'purple',
  force_submitted: 'magenta',
  absent: 'default',
  voided: 'red',
};

/**
 * Text, background and border of each status chip (antd's tag palette, as plain CSS; text shades
 * dark enough for 4.5:1 on their backgrounds, as the theme's tokens, docs/decisions/0910).
 */
const CHIP_COLORS: Readonly<
  Record<AttemptStatus | 'offline' | 'accommodation', readonly [string, string, string]>
> = {
  registered: ['#595959', '#fafafa', '#d9d9d9'],
  logged_in: ['#0958d9', '#e6f4ff', '#91caff'],
  admitted: ['#1d39c4', '#f0f5ff', '#adc6ff'],
  in_progress: ['#237804', '#f6ffed', '#b7eb8f'],
  paused: ['#ad6800', '#fffbe6', '#ffe58f'],
  submitted: ['#531dab', '#f9f0ff', '#d3adf7'],
  force_submitted: ['#c41d7f', '#fff0f6', '#ffadd2'],
  absent: ['#595959', '#fafafa', '#d9d9d9'],
  voided: ['#cf1322', '#fff1f0', '#ffa39e'],
  offline: ['#cf1322', '#fff1f0', '#ffa39e'],
  accommodation: ['#0958d9', '#e6f4ff', '#91caff'],
};

const ROW_HEIGHT = 40;
const COLUMNS = '90px 150px 150px 1fr 180px 80px 90px';

interface Row {
  readonly attempt: AttemptView;
  readonly progress: AttemptProgress | undefined;
  readonly offline: boolean;
  readonly roomId: string;
  readonly seat: number;
  readonly name: string;
  readonly status: string;
  readonly answered: number;
}

interface RowProps {
  readonly row: Row;
  readonly top: number;
  readonly lang: Locale;
  readonly t: (key: MessageKey) => string;
  readonly onSelect: (attemptId: string) => void;
}

/** One candidate row; memoized on its attempt, progress and presence. */
const CandidateRow = memo(function CandidateRow({ row, top, lang, t, onSelect }: RowProps) {
  const { attempt, progress } = row;
  const percent =
    progress === undefined || progress.total === 0
      ? 0
      : Math.round((100 * progress.answered) / progress.total);
  return (
    <div
      className="candidate-row"
      data-attempt={attempt.attemptId}
      style={{ top }}
      onDoubleClick={() => onSelect(attempt.attemptId)}
    >
      <span>
        {attempt.roomId}-{attempt.seat}
      </span>
      <span>{attempt.admissionTicketNumber}</span>
      <span>
        {attempt.name} <AccommodationChip accommodations={attempt.accommodations} t={t} />
      </span>
      <span>
        <span className={`status-chip status-${attempt.status}`}>
          {attemptStatusLabel(attempt.status, lang, attempt.identityConfirmed)}
        </span>
        {row.offline && <span className="status-chip status-offline">{t('offline')}</span>}
      </span>
      <span className="candidate-progress">
        {progress === undefined ? (
          '—'
        ) : (
          <>
            <span className="candidate-bar">
              <span style={{ width: `${percent}%` }} />
            </span>
            {progress.answered}/{progress.total}
          </>
        )}
      </span>
      <span>{attempt.extensionMs > 0 ? `+${Math.round(attempt.extensionMs / 60_000)}′` : ''}</span>
      <span>
        <button type="button" className="row-button" onClick={() => onSelect(attempt.attemptId)}>
          {t('details')}
        </button>
      </span>
    </div>
  );
});

const TABLE_CSS = `
.candidate-head, .candidate-row { display: grid; grid-template-columns: ${COLUMNS}; align-items: center;
  column-gap: 8px; padding: 0 8px; box-sizing: border-box; font-size: 13px; }
.candidate-head { height: 38px; background: #fafafa; border-bottom: 1px solid #f0f0f0; font-weight: 600;
  min-width: 900px; }
.candidate-head button { all: unset; cursor: pointer; }
.candidate-row { position: absolute; left: 0; right: 0; height: ${ROW_HEIGHT}px;
  border-bottom: 1px solid #f0f0f0; background: #fff; }
.candidate-row:hover { background: #fafafa; }
.candidate-row > span { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.candidate-progress { display: flex; align-items: center; gap: 8px; font-size: 12px; }
.candidate-bar { flex: 1; height: 6px; border-radius: 3px; background: #f0f0f0; overflow: hidden; }
.candidate-bar > span { display: block; height: 6px; background: #1f5fbf; }
.row-button { font: inherit; font-size: 12px; padding: 1px 8px; border: 1px solid #d9d9d9; border-radius: 4px;
  background: #fff; cursor: pointer; }
.row-button:hover { color: #1f5fbf; border-color: #1f5fbf; }
.status-chip { display: inline-block; margin-right: 4px; padding: 0 7px; font-size: 12px; line-height: 20px;
  border: 1px solid; border-radius: 4px; }
${Object.entries(CHIP_COLORS)
  .map(
    ([status, [color, background, border]]) =>
      `.status-${status} { color: ${color}; background: ${background}; border-color: ${border}; }`,
  )
  .join('\n')}
`;

function ensureTableStyles(): void {
  if (document.getElementById('candidate-table-styles') !== null) return;
  const style = document.createElement('style');
  style.id = 'candidate-table-styles';
  style.textContent = TABLE_CSS;
  document.head.append(style);
}

interface Props {
  readonly attempts: readonly AttemptView[];
  readonly progress: Readonly<Record<string, AttemptProgress>>;
  readonly serverNow: number;
  readonly height: number;
  readonly onSelect: (attemptId: string) => void;
}

/**
 * Every candidate of the session in one virtualized table (the alternative to the seat map):
 * fixed-height rows, only those in view rendered, sortable columns and a status filter.
 */
export function CandidateTable({ attempts, progress, serverNow, height, onSelect }: Props) {
  const { t, lang } = useConsole();
  const [scrollTop, setScrollTop] = useState(0);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'seat',
    descending: false,
  });
  const [status, setStatus] = useState<AttemptStatus | 'all'>('all');
  useLayoutEffect(ensureTableStyles, []);

  const rows = useMemo(() => {
    const all: Row[] = [];
    for (const attempt of attempts) {
      if (status !== 'all' && attempt.status !== status) continue;
      const p = progress[attempt.attemptId];
      all.push({
        attempt,
        progress: p,
        offline: isOffline(attempt, p, serverNow),
        roomId: attempt.roomId,
        seat: attempt.seat,
        name: attempt.name,
        status: attempt.status,
        answered: p?.answered ?? 0,
      });
    }
    return sort.key === 'seat' && !sort.descending ? all : sortRows(all, sort.key, sort.descending);
  }, [attempts, progress, serverNow, status, sort]);
  const statuses = useMemo(() => [...new Set(attempts.map((a) => a.status))].sort(), [attempts]);
  const { start, end } = visibleRowRange(scrollTop, height, ROW_HEIGHT, rows.length);

  const header = (key: SortKey | undefined, label: string) =>
    key === undefined ? (
      <span>{label}</span>
    ) : (
      <span>
        <button
          type="button"
          onClick={() =>
            setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))
          }
        >
          {label}
          {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </button>
      </span>
    );

  const visible = [];
  for (let index = start; index < end; index += 1) {
    const row = rows[index];
    if (row === undefined) continue;
    visible.push(
      <CandidateRow
        key={row.attempt.attemptId}
        row={row}
        top={index * ROW_HEIGHT}
        lang={lang}
        t={t}
        onSelect={onSelect}
      />,
    );
  }

  return (
    <div data-testid="candidate-table">
      <Space style={{ marginBottom: 8 }}>
        {t('filter')}
        <Select
          size="small"
          style={{ width: 160 }}
          aria-label={t('status')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: `${t('all')} (${attempts.length})` },
            ...statuses.map((s) => ({ value: s, label: attemptStatusLabel(s, lang) })),
          ]}
        />
        <span style={{ color: '#595959' }}>{rows.length}</span>
      </Space>
      <div style={{ overflowX: 'auto' }}>
        <div className="candidate-head">
          {header('seat', t('seat'))}
          {header(undefined, t('ticket'))}
          {header('name', t('name'))}
          {header('status', t('status'))}
          {header('progress', t('progress'))}
          {header(undefined, t('extend'))}
          {header(undefined, '')}
        </div>
        <div
          style={{ height, overflowY: 'auto', position: 'relative', minWidth: 860 }}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        >
          <div style={{ position: 'relative', height: rows.length * ROW_HEIGHT }}>{visible}</div>
        </div>
      </div>
    </div>
  );
}
