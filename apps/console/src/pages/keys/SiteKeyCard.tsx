import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useAdminText } from './admin-messages';
import { saveTextFile } from './site-admin-api';
import { copyText, useAdminLoad } from './use-admin-api';

/*
 * The site's X25519 package key as `proctor-server package key` prints it — `key id …` and the
 * PEM — with copy, a QR code of that same text and a .pub download (docs/decisions/0960).
 */
export function SiteKeyCard() {
  const text = useAdminText();
  const { message } = App.useApp();
  const key = useAdminLoad((api) => api.siteKey());
  const [qr, setQr] = useState<string | undefined>();
  const printed =
    key.data === undefined ? '' : `key id ${key.data.keyId}\n${key.data.publicKeyPem.trim()}\n`;
  useEffect(() => {
    if (printed === '') return;
    let live = true;
    void QRCode.toDataURL(printed, { errorCorrectionLevel: 'M', margin: 1, width: 220 }).then(
      (url) => {
        if (live) setQr(url);
      },
    );
    return () => {
      live = false;
    };
  }, [printed]);
  const copy = async () => {
    await copyText(printed);
    void message.success(text('copied'));
  };
  return (
    <Card size="small" title={text('siteKeyTitle')}>
      {key.error !== undefined && <Alert type="error" showIcon title={key.error} />}
      {key.data !== undefined && (
        <Space align="start" size={24} wrap>
          <Space orientation="vertical" size={8} style={{ maxWidth: 640 }}>
            <Typography.Text type="secondary">{text('siteKeyHint')}</Typography.Text>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={text('fingerprint')}>
                <Typography.Text code data-testid="site-fingerprint">
                  {key.data.keyId}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <pre
              data-testid="site-public-key"
              style={{ margin: 0, padding: 8, background: '#fafafa', fontSize: 12 }}
            >
              {printed}
            </pre>
            <Space>
              <Button icon={<CopyOutlined />} onClick={() => void copy()}>
                {text('copy')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  saveTextFile(`site-${key.data?.keyId ?? 'key'}.pub`, key.data?.publicKeyPem ?? '')
                }
              >
                {text('downloadPub')}
              </Button>
            </Space>
          </Space>
          {qr !== undefined && (
            <img src={qr} alt={text('qrAlt')} width={220} height={220} data-testid="site-key-qr" />
          )}
        </Space>
      )}
    </Card>
  );
}
