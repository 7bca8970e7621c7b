import { Table, Tag } from 'antd';
import type { ScoreRow } from '@skillexam/shared';
import { STATUS_COLORS } from '../../components/CandidateTable';
import { useConsole } from '../../console-context';
import { attemptStatusLabel, formatPoints } from '../../format/format';

interface Props {
  /** The rows to show (after the search). */
  readonly rows: readonly ScoreRow[];
  /** Every row of the session: the status filter offers the statuses found there. */
  readonly allRows: readonly ScoreRow[];
}

/** 成绩表: seat, ticket, name, status, total and result; sortable and filterable. */
export function ScoreTable({ rows, allRows }: Props) {
  const { t, lang } = useConsole();
  return (
    <Table<ScoreRow>
      data-testid="score-table"
      size="small"
      rowKey="attemptId"
      dataSource={[...rows]}
      pagination={{ pageSize: 8, showSizeChanger: false }}
      columns={[
        {
          title: t('seat'),
          dataIndex: 'seat',
          width: 60,
          sorter: (a, b) => a.seat - b.seat,
        },
        { title: t('ticket'), dataIndex: 'admissionTicketNumber' },
        { title: t('name'), dataIndex: 'name', width: 90 },
        {
          title: t('status'),
          width: 100,
          filters: [...new Set(allRows.map((r) => r.status))].map((s) => ({
            text: attemptStatusLabel(s, lang),
            value: s,
          })),
          onFilter: (value, row) => row.status === value,
          render: (_, row) => (
            <Tag color={STATUS_COLORS[row.status]}>{attemptStatusLabel(row.status, lang)}</Tag>
          ),
        },
        {
          title: t('total'),
          width: 80,
          sorter: (a, b) => (a.total ?? -1) - (b.total ?? -1),
          defaultSortOrder: 'descend',
          render: (_, row) => formatPoints(row.total),
        },
        {
          title: t('result'),
          width: 90,
          filters: [
            { text: t('pass'), value: 'pass' },
            { text: t('fail'), value: 'fail' },
            { text: t('pending'), value: 'pending' },
          ],
          onFilter: (value, row) => row.result === value,
          render: (_, row) =>
            row.result === undefined ? (
              '—'
            ) : (
              <Tag
                color={row.result === 'pass' ? 'green' : row.result === 'fail' ? 'red' : 'orange'}
              >
                {t(row.result)}
              </Tag>
            ),
        },
      ]}
    />
  );
}
