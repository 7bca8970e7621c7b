import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useCenter } from '../../center-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/use-load';

interface Props {
  /** The certificate to void; undefined closes the dialog. */
  readonly number: string | undefined;
  readonly onClose: (voided: boolean) => void;
}

/** Voiding asks for a reason and a confirmation; the number is kept and shown as 已作废. */
export function VoidCertificateModal({ number, onClose }: Props) {
  const { api, t } = useCenter();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const action = useAction();
  const confirm = async () => {
    if (number === undefined) return;
    const done = await action.run(() =>
      api.post(`/api/certificates/${number}/void`, { reason: reason.trim() }),
    );
    if (done === undefined) return;
    setReason('');
    void message.success(t('voided', { number }));
    onClose(true);
  };
  return (
    <Modal
      open={number !== undefined}
      title={t('voidCertificate')}
      okText={t('voidCertificate')}
      okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: action.busy }}
      onCancel={() => onClose(false)}
      onOk={() => void confirm()}
    >
      <ErrorAlert error={action.error} />
      <p>{t('voidConfirm', { number: number ?? '' })}</p>
      <Form layout="vertical">
        <Form.Item label={t('voidReason')} required>
          <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
