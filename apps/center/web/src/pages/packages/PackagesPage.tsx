import { Card, Space, Table, Tag, Typography } from 'antd';
import { CodedError, errorMessage } from '@skillexam/shared';
import { useState } from 'react';
import { useCenter } from '../../center-context';
import type { IngestOutcome, PackageRow } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilePicker } from '../../components/FilePicker';
import { dateTime, shortHash } from '../../components/format';
import { useLoad } from '../../components/use-load';
import { IngestVerdict, refusalOf, type Verdict } from './IngestVerdict';

/** 成绩包: organisation staff upload a site's results package and see the verdict; the list. */
export function PackagesPage() {
  const { api, login, t } = useCenter();
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | undefined>();
  const packages = useLoad(() => api.get<PackageRow[]>('/api/packages'), [api]);
  const canUpload = login.staff.role === 'org_staff';

  const upload = async (file: File) => {
    setBusy(true);
    let verdict: Verdict;
    try {
      const outcome = await api.upload<IngestOutcome>('/api/packages', file);
      verdict = { kind: 'accepted', fileName: file.name, outcome };
    } catch (err) {
      const code = err instanceof CodedError ? err.code : 'INTERNAL';
      verdict = { kind: 'refused', fileName: file.name, ...refusalOf(code, errorMessage(err)) };
    } finally {
      setBusy(false);
    }
    setVerdict(verdict);
    packages.reload();
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {canUpload && (
        <Card title={t('uploadPackage')} size="small">
          <Typography.Paragraph type="secondary">{t('uploadPackageHelp')}</Typography.Paragraph>
          <FilePicker
            label={t('pickPackage')}
            busy={busy}
            testId="pick-package"
            onFile={(file) => void upload(file)}
          />
        </Card>
      )}
      {verdict !== undefined && <IngestVerdict verdict={verdict} />}
      <ErrorAlert error={packages.error} />
      <Card title={t('packages')} size="small">
        <Table<PackageRow>
          rowKey="id"
          size="small"
          loading={packages.loading}
          data-testid="packages-table"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={packages.data ?? []}
          columns={[
            { title: t('site'), render: (_: unknown, p) => p.site.name },
            {
              title: t('session'),
              render: (_: unknown, p) => `${p.session.name}（${p.session.id}）`,
            },
            {
              title: t('exam'),
              render: (_: unknown, p) => `${p.occupationAndLevel} · ${p.examId}`,
            },
            { title: t('candidates'), dataIndex: 'candidates', width: 90, align: 'right' },
            {
              title: t('chainHead'),
              dataIndex: 'chainSeq',
              width: 90,
              render: (seq: number) => `#${seq}`,
            },
            { title: t('packageSha'), dataIndex: 'sha256', render: shortHash },
            { title: t('receivedAt'), dataIndex: 'receivedAt', render: dateTime },
            {
              title: t('status'),
              dataIndex: 'current',
              render: (current: boolean) => (
                <Tag color={current ? 'green' : 'default'}>
                  {current ? t('current') : t('superseded')}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
