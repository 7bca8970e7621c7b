import { UploadOutlined } from '@ant-design/icons';
import type { RosterPreview } from '@skillexam/shared';
import { Alert, Button, Card, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useConsole } from '../../console-context';
import { useAdminApi } from '../sessions-admin/use-admin-api';
import { RosterPreviewTable } from './RosterPreviewTable';
import { useRosterText } from './roster-messages';

/**
 * 考生名单: choose .xlsx/.csv or a .zip with photos → the server's preview (nothing written) →
 * confirm → the import, all or nothing (docs/decisions/0966).
 */
export function RosterUpload({
  sessionId,
  onImported,
}: {
  readonly sessionId: string;
  readonly onImported: () => void;
}) {
  const { t } = useConsole();
  const text = useRosterText();
  const api = useAdminApi();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<RosterPreview>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<number>();
  const [busy, setBusy] = useState(false);

  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await task();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const choose = (chosen: File) => {
    setFile(chosen);
    setPreview(undefined);
    setDone(undefined);
    void run(async () => setPreview(await api.previewRoster(sessionId, chosen)));
  };
  const confirmImport = () => {
    if (file === undefined || preview === undefined) return;
    Modal.confirm({
      title: t('confirmImport'),
      content: `${file.name}: ${preview.rows.length} ${t('candidates')}`,
      okText: t('importRoster'),
      cancelText: t('cancel'),
      onOk: () =>
        run(async () => {
          const result = await api.importRoster(sessionId, file);
          setDone(result.imported);
          setPreview(undefined);
          setFile(undefined);
          onImported();
        }),
    });
  };

  return (
    <Card size="small" title={t('roster')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('rosterHelp')}</Typography.Text>
        <Typography.Text type="secondary" data-testid="roster-columns">
          {text('columnsHelp')}
        </Typography.Text>
        <Space wrap>
          <Upload
            accept=".xlsx,.csv,.zip"
            showUploadList={false}
            beforeUpload={(chosen) => {
              choose(chosen);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy && preview === undefined}>
              {t('chooseRosterFile')}
            </Button>
          </Upload>
          {file !== undefined && (
            <Typography.Text data-testid="roster-file">{file.name}</Typography.Text>
          )}
          <Button
            type="primary"
            disabled={preview === undefined || preview.issues.length > 0}
            loading={busy && preview !== undefined}
            onClick={confirmImport}
          >
            {t('importRoster')}
          </Button>
        </Space>
        {error !== undefined && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={error}
            style={{ whiteSpace: 'pre-line' }}
          />
        )}
        {done !== undefined && (
          <Alert
            type="success"
            showIcon
            title={`${t('rosterImported')}: ${done}`}
            description={t('rosterCodesHint')}
          />
        )}
        {preview !== undefined && <RosterPreviewTable preview={preview} />}
      </Space>
    </Card>
  );
}
