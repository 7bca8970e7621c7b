import { SafetyOutlined } from '@ant-design/icons';
import { errorMessage, type SiteCertificate } from '@skillexam/shared';
import { Alert, App, Button, Card, Descriptions, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ReasonModal } from '../../components/ReasonModal';
import { useConsole } from '../../console-context';
import { siteResultsApi } from '../jobs/results-api';
import { formatDateTime } from './format-time';
import { useTlsText } from './tls-messages';

/*
 * 考点证书 (as `proctor-server tls show | renew`; docs/decisions/0993): the site CA fingerprint
 * kiosks pin, the server certificate's names, addresses and expiry, and a renewal from the same
 * CA with a reason. `tls replace` stays on the command line (0994).
 */
export function SiteCertificateCard() {
  const { login } = useConsole();
  const text = useTlsText();
  const { message } = App.useApp();
  const api = useMemo(() => siteResultsApi(login.token), [login.token]);
  const [cert, setCert] = useState<SiteCertificate | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [asking, setAsking] = useState(false);
  const load = useCallback(() => {
    api.certificate().then(
      (value) => {
        setCert(value);
        setError(undefined);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [api]);
  useEffect(load, [load]);

  const renew = async (reason: string) => {
    try {
      const renewed = await api.renew(reason);
      setCert(renewed);
      setAsking(false);
      void message.success(text(renewed.appliedNow ? 'renewedLive' : 'renewedNextStart'), 6);
    } catch (err) {
      void message.error(errorMessage(err), 8);
    }
  };
  const date = (iso: string) => formatDateTime(Date.parse(iso));

  return (
    <Card
      size="small"
      title={text('tlsTitle')}
      data-testid="site-certificate"
      extra={
        cert !== undefined && (
          <Button
            icon={<SafetyOutlined />}
            onClick={() => setAsking(true)}
            disabled={!cert.caKeyInDataDir}
            data-testid="tls-renew"
          >
            {text('renew')}
          </Button>
        )
      }
    >
      {error !== undefined && <Alert type="warning" showIcon title={error} />}
      {cert !== undefined && (
        <>
          <Typography.Paragraph type="secondary">{text('tlsHint')}</Typography.Paragraph>
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={text('caFingerprint')}>
              <Typography.Text code copyable data-testid="tls-ca-fingerprint">
                {cert.fingerprint}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={text('serverFingerprint')}>
              <code data-testid="tls-server-fingerprint">{cert.serverFingerprint}</code>
            </Descriptions.Item>
            <Descriptions.Item label={text('serverNotAfter')}>
              {date(cert.serverNotAfter)}
            </Descriptions.Item>
            <Descriptions.Item label={text('caNotAfter')}>
              {date(cert.caNotAfter)}
            </Descriptions.Item>
            <Descriptions.Item label={text('names')}>{cert.dnsNames.join(', ')}</Descriptions.Item>
            <Descriptions.Item label={text('ips')}>{cert.ipAddresses.join(', ')}</Descriptions.Item>
            <Descriptions.Item label={text('caKey')}>
              {text(cert.caKeyInDataDir ? 'caKeyHere' : 'caKeyOffline')}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 12 }} data-testid="tls-takes-effect">
            {text(cert.renewalTakesEffect === 'live' ? 'live' : 'nextStart')}
          </Typography.Paragraph>
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {text('replaceNote')}{' '}
        <Typography.Text code copyable>
          proctor-server tls replace --data &lt;dir&gt;
        </Typography.Text>
      </Typography.Paragraph>
      <ReasonModal
        open={asking}
        danger
        title={text('renewTitle')}
        warning={text('renewWarning')}
        okText={text('renew')}
        onCancel={() => setAsking(false)}
        onSubmit={(values) => renew(values.reason)}
      />
    </Card>
  );
}
