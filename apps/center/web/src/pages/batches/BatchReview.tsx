import { Alert, Button, Card, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useCenter } from '../../center-context';
import type { Batch, IssuedCertificate } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/use-load';

interface Props {
  readonly batch: Batch;
  readonly onChanged: () => void;
  readonly onIssued: (issued: readonly IssuedCertificate[]) => void;
}

/** Why this person may not approve (four eyes), or undefined when they may. */
function fourEyes(
  batch: Batch,
  staffId: string,
): 'fourEyesSubmitter' | 'fourEyesMaker' | undefined {
  if (batch.submittedBy === staffId) return 'fourEyesSubmitter';
  if (batch.makers.includes(staffId)) return 'fourEyesMaker';
  return undefined;
}

/** Submit, approve or return (four eyes), and issue certificates of an approved batch. */
export function BatchReview({ batch, onChanged, onIssued }: Props) {
  const { api, login, t } = useCenter();
  const action = useAction();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const role = login.staff.role;
  const post = async (path: string, body?: unknown) => {
    const done = await action.run(() => api.post(`/api/batches/${batch.id}/${path}`, body));
    if (done !== undefined) onChanged();
    return done;
  };
  const issue = async () => {
    const done = await action.run(() =>
      api.post<{ issued: IssuedCertificate[] }>(`/api/batches/${batch.id}/issue`),
    );
    if (done === undefined) return;
    onIssued(done.issued);
    onChanged();
  };

  const editable = batch.status === 'draft' || batch.status === 'returned';
  const deciding = batch.status === 'submitted' && role !== 'supervisor';
  const blocked = deciding ? fourEyes(batch, login.staff.id) : undefined;
  return (
    <Card size="small" data-testid="batch-review">
      <ErrorAlert error={action.error} />
      {batch.status === 'returned' && batch.returnReason !== null && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('returnedBecause', { reason: batch.returnReason })}
        />
      )}
      {blocked !== undefined && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(blocked)}
          data-testid="four-eyes"
        />
      )}
      <Space wrap>
        {editable && role === 'org_staff' && (
          <Button type="primary" loading={action.busy} onClick={() => void post('submit')}>
            {t('submit')}
          </Button>
        )}
        {deciding && (
          <>
            <Button
              type="primary"
              disabled={blocked !== undefined}
              loading={action.busy}
              onClick={() => void post('approve')}
            >
              {t('approve')}
            </Button>
            <Button danger disabled={blocked !== undefined} onClick={() => setReturning(true)}>
              {t('returnBatch')}
            </Button>
          </>
        )}
        {batch.status === 'approved' && role === 'org_staff' && (
          <Button type="primary" loading={action.busy} onClick={() => void issue()}>
            {t('issue')}
          </Button>
        )}
      </Space>
      <Modal
        open={returning}
        title={t('returnBatch')}
        okText={t('returnBatch')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        onCancel={() => setReturning(false)}
        onOk={() =>
          void post('return', { reason }).then(() => {
            setReturning(false);
            setReason('');
          })
        }
      >
        <Form layout="vertical">
          <Form.Item label={t('returnReason')} required>
            <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
