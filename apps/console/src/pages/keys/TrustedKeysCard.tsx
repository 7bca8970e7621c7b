import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { TrustedSigningKey } from '@skillexam/shared';
import { errorMessage } from '@skillexam/shared';
import { Alert, App, Button, Card, Input, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ReasonModal } from '../../components/ReasonModal';
import { formatDateTime } from './format-time';
import { useAdminText } from './admin-messages';
import { useAdminApi, useAdminLoad } from './use-admin-api';

/*
 * Trusted bank signing keys: added from an uploaded PEM file with the same check as
 * `proctor-server package trust`, revoked with a reason (audited; docs/decisions/0961).
 */
export function TrustedKeysCard() {
  const text = useAdminText();
  const api = useAdminApi();
  const { message } = App.useApp();
  const keys = useAdminLoad((a) => a.trustedKeys());
  const [file, setFile] = useState<{ name: string; pem: string } | undefined>();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [revoking, setRevoking] = useState<string | undefined>();

  const add = async () => {
    if (file === undefined) return;
    try {
      const { keyId } = await api.trustKey(file.pem, label);
      void message.success(text('trusted', { keyId }));
      setFile(undefined);
      setLabel('');
      setError(undefined);
      keys.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const revoke = async (reason: string) => {
    if (revoking === undefined) return;
    try {
      await api.revokeKey(revoking, reason);
      void message.success(text('revoked', { keyId: revoking }));
      setRevoking(undefined);
      keys.reload();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  return (
    <Card size="small" title={text('trustedTitle')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Upload
            accept=".pub,.pem,.txt"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(chosen) => {
              void chosen.text().then((pem) => setFile({ name: chosen.name, pem }));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="trust-key-file">
              {file?.name ?? text('chooseFile')}
            </Button>
          </Upload>
          <Input
            aria-label={text('label')}
            placeholder={text('labelHint')}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            style={{ width: 320 }}
            data-testid="trust-key-label"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={file === undefined || label.trim() === ''}
            onClick={() => void add()}
          >
            {text('addKey')}
          </Button>
        </Space>
        <Typography.Text type="secondary">{text('keyFile')}</Typography.Text>
        {error !== undefined && (
          <Alert type="error" showIcon title={error} data-testid="trust-key-error" />
        )}
        {keys.error !== undefined && <Alert type="error" showIcon title={keys.error} />}
        <Table<TrustedSigningKey>
          size="small"
          rowKey="keyId"
          pagination={false}
          dataSource={keys.data ?? []}
          loading={keys.data === undefined && keys.error === undefined}
          locale={{ emptyText: text('noKeys') }}
          data-testid="trusted-keys"
          columns={[
            { title: text('keyId'), dataIndex: 'keyId', render: (v: string) => <code>{v}</code> },
            { title: text('label'), dataIndex: 'label' },
            { title: text('addedAt'), dataIndex: 'addedAt', render: formatDateTime },
            { title: text('addedBy'), dataIndex: 'addedBy', render: (v?: string) => v ?? '—' },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, row) => (
                <Button size="small" danger onClick={() => setRevoking(row.keyId)}>
                  {text('revoke')}
                </Button>
              ),
            },
          ]}
        />
      </Space>
      <ReasonModal
        open={revoking !== undefined}
        danger
        title={text('revokeTitle', { keyId: revoking ?? '' })}
        warning={text('revokeWarning')}
        onCancel={() => setRevoking(undefined)}
        onSubmit={(values) => revoke(values.reason)}
      />
    </Card>
  );
}
