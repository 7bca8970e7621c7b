import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { CodedError, errorMessage } from '@skillexam/shared';
import { useState } from 'react';
import { useCenter } from '../../center-context';
import type { IngestOutcome } from '../../api/center-types';
import { FilePicker } from '../../components/FilePicker';
import { shortHash } from '../../components/format';
import { IngestVerdict, refusalOf, type Verdict } from './IngestVerdict';

/**
 * 成绩包: organisation staff upload a site's results package and see the verdict; the packages
 * handed in from this page are listed (the server has no package listing route yet).
 */
export function PackagesPage() {
  const { api, login, t } = useCenter();
  const [busy, setBusy] = useState(false);
  const [verdicts, setVerdicts] = useState<readonly Verdict[]>([]);
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
    setVerdicts((list) => [verdict, ...list]);
  };
  const latest = verdicts[0];
  const accepted = verdicts.flatMap((v) => (v.kind === 'accepted' ? [v.outcome] : []));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {canUpload ? (
        <Card title={t('uploadPackage')} size="small">
          <Typography.Paragraph type="secondary">{t('uploadPackageHelp')}</Typography.Paragraph>
          <FilePicker
            label={t('pickPackage')}
            busy={busy}
            testId="pick-package"
            onFile={(file) => void upload(file)}
          />
        </Card>
      ) : (
        <Alert type="info" showIcon title={t('noRoute', { what: 'GET /api/packages' })} />
      )}
      {latest !== undefined && <IngestVerdict verdict={latest} />}
      <Card title={t('uploadedNow')} size="small">
        <Table<IngestOutcome>
          rowKey="packageId"
          size="small"
          pagination={false}
          dataSource={accepted}
          columns={[
            { title: t('site'), render: (_: unknown, o) => o.site.name },
            { title: t('session'), dataIndex: 'sessionId' },
            { title: t('exam'), dataIndex: 'examId' },
            { title: t('candidates'), dataIndex: 'candidates', width: 100 },
            {
              title: t('chainHead'),
              render: (_: unknown, o) => `#${o.chainHead.seq} ${shortHash(o.chainHead.hash)}`,
            },
            {
              title: t('status'),
              dataIndex: 'status',
              render: (s: IngestOutcome['status']) => (
                <Tag color={s === 'ingested' ? 'green' : 'blue'}>
                  {s === 'ingested' ? t('accepted') : t('alreadyAccepted')}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
