import { App, Button, Card, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useCenter } from '../../center-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/use-load';

const NUMBER = /^[A-Z0-9]{22}$/;

/** One certificate by its number: its PDF, or voiding it with a reason (confirmed). */
export function CertificateActions() {
  const { api, login, t } = useCenter();
  const { message } = App.useApp();
  const [number, setNumber] = useState('');
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const action = useAction();
  const clean = number.trim().toUpperCase();
  const valid = NUMBER.test(clean);
  const canVoid = login.staff.role !== 'supervisor';
  const doVoid = async () => {
    const done = await action.run(() =>
      api.post(`/api/certificates/${clean}/void`, { reason: reason.trim() }),
    );
    setVoiding(false);
    if (done === undefined) return;
    setReason('');
    void message.success(t('voided', { number: clean }));
  };
  return (
    <Card size="small" title={t('byNumber')}>
      <ErrorAlert error={action.error} />
      <Space wrap>
        <Input
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          placeholder={t('certificateNumber')}
          maxLength={22}
          style={{ width: 280, fontFamily: 'monospace' }}
          data-testid="certificate-number"
        />
        <Button
          disabled={!valid}
          onClick={() =>
            void action.run(() => api.download(`/api/certificates/${clean}/pdf`, `${clean}.pdf`))
          }
        >
          {t('openPdf')}
        </Button>
        {canVoid && (
          <Button danger disabled={!valid} onClick={() => setVoiding(true)}>
            {t('voidCertificate')}
          </Button>
        )}
      </Space>
      <Modal
        open={voiding}
        title={t('voidCertificate')}
        okText={t('voidCertificate')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        onCancel={() => setVoiding(false)}
        onOk={() => void doVoid()}
      >
        <p>{t('voidConfirm', { number: clean })}</p>
        <Form layout="vertical">
          <Form.Item label={t('voidReason')} required>
            <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
