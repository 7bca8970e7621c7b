import type { RosterPreview } from '@skillexam/shared';
import { Alert, Table, Tag, Tooltip } from 'antd';
import { useConsole } from '../../console-context';
import { joinList } from '../../format/format';
import { CLAUSE_SEPARATOR } from '../../format/format-messages';
import { useRosterText } from './roster-messages';

/** A row's seat: as written, or chosen by the import (座位号 left empty) and marked 自动. */
function SeatCell({
  seat,
  auto,
}: {
  readonly seat: number | undefined;
  readonly auto: boolean | undefined;
}) {
  const text = useRosterText();
  if (seat === undefined) return <Tag color="red">{text('seatNone')}</Tag>;
  if (auto !== true) return <>{seat}</>;
  return (
    <Tooltip title={text('seatAutoHint')}>
      <span data-testid="seat-auto">
        {seat} <Tag color="blue">{text('seatAuto')}</Tag>
      </span>
    </Tooltip>
  );
}

/** The preview of a roster file: every problem with file, row and column, then the rows. */
export function RosterPreviewTable({ preview }: { readonly preview: RosterPreview }) {
  const { t, lang } = useConsole();
  const text = useRosterText();
  const bad = new Set(preview.issues.map((i) => i.row));
  const autoSeats = preview.rows.filter((r) => r.seatAuto === true).length;
  return (
    <>
      {preview.issues.length > 0 ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={`${t('rosterHasErrors')}: ${preview.issues.length}`}
          description={t('rosterNothingWritten')}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Alert
          type="success"
          showIcon
          title={`${t('rosterReady')}: ${preview.rows.length}`}
          description={
            [
              preview.createdRooms.length === 0
                ? ''
                : `${t('rosterNewRooms')}: ${joinList(
                    preview.createdRooms.map((r) => `${r.name} (${r.id})`),
                    lang,
                  )}`,
              autoSeats === 0 ? '' : text('seatsAutoCount', { count: autoSeats }),
            ]
              .filter((line) => line !== '')
              .join(CLAUSE_SEPARATOR[lang]) || undefined
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {preview.issues.length > 0 && (
        <Table
          data-testid="roster-issues"
          size="small"
          pagination={false}
          rowKey={(issue) => `${issue.row}-${issue.field}-${issue.reason}`}
          dataSource={preview.issues}
          columns={[
            { title: t('rosterFileCol'), dataIndex: 'file', width: 180 },
            {
              title: t('rosterRowCol'),
              dataIndex: 'row',
              width: 70,
              render: (row: number) => (row === 0 ? '—' : row),
            },
            { title: t('rosterColumnCol'), dataIndex: 'field', width: 120 },
            { title: t('rosterProblem'), dataIndex: 'reason' },
          ]}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table
        data-testid="roster-rows"
        size="small"
        rowKey="row"
        pagination={{ pageSize: 50, showSizeChanger: false }}
        dataSource={preview.rows}
        columns={[
          { title: t('rosterRowCol'), dataIndex: 'row', width: 70 },
          { title: t('ticket'), dataIndex: 'admissionTicketNumber' },
          { title: t('name'), dataIndex: 'name' },
          { title: t('idNumber'), dataIndex: 'idNumber' },
          {
            title: t('rooms'),
            dataIndex: 'room',
            render: (room: string, r) => `${room} → ${r.roomId}`,
          },
          {
            title: t('seat'),
            dataIndex: 'seat',
            width: 110,
            render: (seat: number | undefined, r) => <SeatCell seat={seat} auto={r.seatAuto} />,
          },
          {
            title: t('rosterPhoto'),
            dataIndex: 'photo',
            width: 70,
            render: (photo: boolean) => (photo ? t('photoYes') : '—'),
          },
          {
            title: t('status'),
            key: 'ok',
            width: 90,
            render: (_: unknown, r) =>
              bad.has(r.row) || r.seat === undefined ? (
                <Tag color="red">{t('rowError')}</Tag>
              ) : (
                <Tag color="green">OK</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
