import { CheckCircleOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportedExamPackage } from '@skillexam/shared';
import { errorMessage } from '@skillexam/shared';
import { Alert, Button, Card, Descriptions, Space, Upload } from 'antd';
import { useState } from 'react';
import { useAdminText } from './admin-messages';
import { useAdminApi } from './use-admin-api';

type Outcome =
  | { readonly kind: 'verified'; readonly file: string; readonly exam: ImportedExamPackage }
  | { readonly kind: 'refused'; readonly file: string; readonly message: string };

/*
 * Exam package upload (POST /api/exams/import, as `proctor-server exam import`): what the server
 * verified — signer key, addressed site key, paper, item count — or its refusal word for word.
 */
export function PackageImportCard({ onImported }: { onImported: () => void }) {
  const text = useAdminText();
  const api = useAdminApi();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  const upload = async (file: File) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const exam = await api.importPackage(new Uint8Array(await file.arrayBuffer()));
      setOutcome({ kind: 'verified', file: file.name, exam });
      onImported();
    } catch (err) {
      setOutcome({ kind: 'refused', file: file.name, message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={text('packageTitle')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Upload
          accept=".exampkg"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="package-upload">
            {text('uploadPackage')}
          </Button>
        </Upload>
        {outcome?.kind === 'refused' && (
          <Alert
            type="error"
            showIcon
            data-testid="package-refused"
            title={`${text('refused')} · ${outcome.file}`}
            description={outcome.message}
          />
        )}
        {outcome?.kind === 'verified' && (
          <div data-testid="package-verified">
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              title={`${text('verified')} · ${outcome.file}`}
              style={{ marginBottom: 8 }}
            />
            <Descriptions size="small" bordered column={2}>
              <Descriptions.Item label={text('signer')}>
                <code>{outcome.exam.signerKeyId}</code>
              </Descriptions.Item>
              <Descriptions.Item label={text('siteKeyOf')}>
                <code>{outcome.exam.siteKeyId}</code>
              </Descriptions.Item>
              <Descriptions.Item label={text('paper')}>
                {outcome.exam.title} ({outcome.exam.examId})
              </Descriptions.Item>
              <Descriptions.Item label={text('itemCount')}>{outcome.exam.items}</Descriptions.Item>
            </Descriptions>
          </div>
        )}
      </Space>
    </Card>
  );
}
