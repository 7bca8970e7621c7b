import type { CandidateAdminRow, Locale } from '@skillexam/shared';
import { Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { STATUS_COLORS } from '../../components/CandidateTable';
import { attemptStatusLabel, formatDateTime } from '../../format/format';
import type { CandidateTextKey } from './candidate-messages';
import { PhotoThumb } from './PhotoThumb';

type Text = (key: CandidateTextKey, params?: Record<string, string | number>) => string;

export interface RowActions {
  readonly withdraw: (row: CandidateAdminRow) => void;
  readonly reinstate: (row: CandidateAdminRow) => void;
  readonly reissue: (row: CandidateAdminRow) => Promise<void>;
  /** Whether 恢复资格 is still possible (before the exam starts). */
  readonly canReinstate: boolean;
  readonly ended: boolean;
  readonly okText: string;
  readonly cancelText: string;
}

function StatusCell({ row, text, lang }: { row: CandidateAdminRow; text: Text; lang: Locale }) {
  const w = row.withdrawal;
  if (row.status === 'withdrawn' || w !== undefined) {
    const detail =
      w === undefined
        ? ''
        : text('withdrawnBy', {
            by: w.by.replace(/^staff:/, ''),
            at: formatDateTime(w.at),
            reason: w.reason,
          });
    return (
      <Space orientation="vertical" size={0}>
        <Tag color="default">{text('withdrawn')}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: detail }}>
          {detail}
        </Typography.Text>
      </Space>
    );
  }
  return <Tag color={STATUS_COLORS[row.status]}>{attemptStatusLabel(row.status, lang)}</Tag>;
}

function ActionsCell({
  row,
  text,
  actions,
}: {
  row: CandidateAdminRow;
  text: Text;
  actions: RowActions;
}) {
  if (actions.ended) return null;
  if (row.status === 'withdrawn')
    return actions.canReinstate ? (
      <Button size="small" onClick={() => actions.reinstate(row)}>
        {text('reinstate')}
      </Button>
    ) : null;
  if (row.status !== 'registered')
    return <Typography.Text type="secondary">{text('voidHint')}</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Popconfirm
        title={text('reissueConfirm', { ticket: row.admissionTicketNumber })}
        okText={actions.okText}
        cancelText={actions.cancelText}
        onConfirm={() => actions.reissue(row)}
      >
        <Button size="small">{text('reissue')}</Button>
      </Popconfirm>
      <Tooltip title={text('withdrawWarning')}>
        <Button size="small" danger onClick={() => actions.withdraw(row)}>
          {text('withdraw')}
        </Button>
      </Tooltip>
    </Space>
  );
}

/** The 考生管理 table's columns: photo, 准考证号, name, masked ID, room, seat, status, actions. */
export function candidateColumns(
  text: Text,
  lang: Locale,
  actions: RowActions,
): ColumnsType<CandidateAdminRow> {
  return [
    {
      title: text('photo'),
      key: 'photo',
      width: 64,
      render: (_: unknown, row) => (
        <PhotoThumb alt={row.name} {...(row.photo ? { attemptId: row.attemptId } : {})} />
      ),
    },
    { title: text('ticket'), dataIndex: 'admissionTicketNumber', width: 130 },
    { title: text('name'), dataIndex: 'name', width: 110 },
    { title: text('idNumber'), dataIndex: 'idNumber', width: 180 },
    { title: text('room'), dataIndex: 'roomName', width: 120 },
    { title: text('seat'), dataIndex: 'seat', width: 64 },
    {
      title: text('status'),
      key: 'status',
      width: 220,
      render: (_: unknown, row) => <StatusCell row={row} text={text} lang={lang} />,
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, row) => <ActionsCell row={row} text={text} actions={actions} />,
    },
  ];
}
