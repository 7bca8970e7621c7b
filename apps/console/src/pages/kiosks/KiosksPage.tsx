import { PlusOutlined } from '@ant-design/icons';
import type { KioskSummary } from '@skillexam/shared';
import { errorMessage } from '@skillexam/shared';
import { Alert, App, Button, Card, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ReasonModal } from '../../components/ReasonModal';
import { useConsole } from '../../console-context';
import { formatDateTime } from '../keys/format-time';
import { useKioskApi } from './kiosk-api';
import { useKioskText } from './kiosk-messages';
import { EnrollKioskModal } from './EnrollKioskModal';

/*
 * 考试机 (exam admin; docs/decisions/0984): the enrolled PCs as `proctor-server kiosk list` shows
 * them, enrollment with the file offered once, and revocation with a reason (audited, 0986).
 */
export function KiosksPage() {
  const { t, login } = useConsole();
  const text = useKioskText();
  const api = useKioskApi();
  const { message } = App.useApp();
  const [kiosks, setKiosks] = useState<readonly KioskSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [enrolling, setEnrolling] = useState(false);
  const [revoking, setRevoking] = useState<KioskSummary | undefined>();
  const admin = login.role === 'admin';

  const reload = useCallback(() => {
    api.list().then(
      (list) => {
        setKiosks(list);
        setError(undefined);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [api]);
  useEffect(() => {
    if (admin) reload();
  }, [admin, reload]);
  if (!admin) return <Alert type="warning" showIcon title={t('adminOnly')} />;

  const revoke = async (reason: string) => {
    if (revoking === undefined) return;
    try {
      const done = await api.revoke(revoking.kioskId, reason);
      void message.success(text('revokedDone', { name: done.name }));
      setRevoking(undefined);
      reload();
    } catch (err) {
      void message.error(errorMessage(err), 6);
    }
  };
  const status = (row: KioskSummary) =>
    row.revokedAt !== undefined ? (
      <Tag>{text('revoked')}</Tag>
    ) : row.needsReenrollment === true ? (
      <Tag color="orange">{text('reenroll')}</Tag>
    ) : (
      <Tag color="green">{text('live')}</Tag>
    );

  return (
    <Card
      size="small"
      title={text('title')}
      data-testid="kiosks-page"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEnrolling(true)}>
          {text('enroll')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{text('hint')}</Typography.Paragraph>
      {error !== undefined && <Alert type="error" showIcon title={error} />}
      <Table<KioskSummary>
        size="small"
        rowKey="kioskId"
        pagination={false}
        dataSource={kiosks ?? []}
        loading={kiosks === undefined && error === undefined}
        locale={{ emptyText: <Typography.Text type="secondary">{text('empty')}</Typography.Text> }}
        data-testid="kiosk-table"
        columns={[
          { title: text('name'), dataIndex: 'name' },
          { title: text('kioskId'), dataIndex: 'kioskId', render: (v: string) => <code>{v}</code> },
          { title: text('enrolledAt'), dataIndex: 'enrolledAt', render: formatDateTime },
          { title: text('enrolledBy'), dataIndex: 'enrolledBy' },
          {
            title: text('lastSeen'),
            dataIndex: 'lastLoginAt',
            render: (v?: number) => (v === undefined ? text('never') : formatDateTime(v)),
          },
          {
            title: text('status'),
            key: 'status',
            render: (_: unknown, row) => (
              <span>
                {status(row)}
                {row.revokedAt !== undefined && formatDateTime(row.revokedAt)}
              </span>
            ),
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, row) =>
              row.revokedAt === undefined && (
                <Button size="small" danger onClick={() => setRevoking(row)}>
                  {text('revoke')}
                </Button>
              ),
          },
        ]}
      />
      <EnrollKioskModal
        open={enrolling}
        onClose={() => {
          setEnrolling(false);
          reload();
        }}
      />
      <ReasonModal
        open={revoking !== undefined}
        danger
        title={text('revokeTitle', { name: revoking?.name ?? '' })}
        warning={text('revokeWarning')}
        okText={text('revoke')}
        onCancel={() => setRevoking(undefined)}
        onSubmit={(values) => revoke(values.reason)}
      />
    </Card>
  );
}
