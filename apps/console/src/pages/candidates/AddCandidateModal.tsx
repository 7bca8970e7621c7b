import { UploadOutlined } from '@ant-design/icons';
import type { AddCandidateResult } from '@skillexam/shared';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useConsole } from '../../console-context';
import { useCandidateText } from './candidate-messages';
import { photoPayload, type CandidatesApi } from './candidates-api';

interface Values {
  admissionTicketNumber: string;
  name: string;
  idNumber: string;
  roomId: string;
  seat?: number | null;
  extraMinutes?: number | null;
  largeText?: boolean;
  highContrast?: boolean;
}

/**
 * 添加考生: the roster's fields and an optional photo; the server checks the row exactly as a
 * roster import does and its message is shown as is (docs/decisions/0975).
 */
export function AddCandidateModal(props: {
  readonly open: boolean;
  readonly sessionId: string;
  readonly rooms: readonly { id: string; name: string }[];
  readonly api: CandidatesApi;
  readonly onClose: () => void;
  readonly onAdded: (result: AddCandidateResult) => void;
}) {
  const { t } = useConsole();
  const text = useCandidateText();
  const [form] = Form.useForm<Values>();
  const [photo, setPhoto] = useState<File>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setPhoto(undefined);
    setError(undefined);
    props.onClose();
  };
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const result = await props.api.add({
        sessionId: props.sessionId,
        admissionTicketNumber: values.admissionTicketNumber.trim(),
        name: values.name.trim(),
        idNumber: values.idNumber.trim(),
        roomId: values.roomId,
        ...(typeof values.seat === 'number' ? { seat: values.seat } : {}),
        ...(typeof values.extraMinutes === 'number' ? { extraMinutes: values.extraMinutes } : {}),
        largeText: values.largeText === true,
        highContrast: values.highContrast === true,
        ...(photo === undefined ? {} : { photo: await photoPayload(photo) }),
      });
      form.resetFields();
      setPhoto(undefined);
      props.onAdded(result);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={text('addTitle')}
      okText={text('addCandidate')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      destroyOnHidden
      onCancel={close}
      onOk={() => void submit()}
      width={560}
      style={{ top: 24 }}
    >
      <Form form={form} layout="vertical" preserve={false} data-testid="add-candidate-form">
        <Space wrap size={12} align="start">
          <Form.Item
            name="admissionTicketNumber"
            label={text('ticket')}
            rules={[{ required: true }]}
          >
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="idNumber" label={text('idNumber')} rules={[{ required: true }]}>
          <Input style={{ width: 300 }} maxLength={18} />
        </Form.Item>
        <Space wrap size={12} align="start">
          <Form.Item
            name="roomId"
            label={text('room')}
            rules={[{ required: true }]}
            initialValue={props.rooms[0]?.id}
          >
            <Select
              style={{ width: 200 }}
              options={props.rooms.map((r) => ({ value: r.id, label: r.name }))}
            />
          </Form.Item>
          <Form.Item name="seat" label={t('seat')} extra={text('seatHint')}>
            <InputNumber min={1} max={999} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Space wrap size={12} align="start">
          <Form.Item name="extraMinutes" label={text('extraMinutes')}>
            <InputNumber min={0} max={600} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="largeText" valuePropName="checked" label=" ">
            <Checkbox>{text('largeText')}</Checkbox>
          </Form.Item>
          <Form.Item name="highContrast" valuePropName="checked" label=" ">
            <Checkbox>{text('highContrast')}</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item label={text('photoFile')}>
          <Upload
            accept=".jpg,.jpeg,.png"
            maxCount={1}
            beforeUpload={(file) => {
              setPhoto(file);
              return false;
            }}
            onRemove={() => setPhoto(undefined)}
            fileList={photo === undefined ? [] : [{ uid: '1', name: photo.name, status: 'done' }]}
          >
            <Button icon={<UploadOutlined />}>{text('choosePhoto')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={<div style={{ whiteSpace: 'pre-wrap' }}>{error}</div>}
        />
      )}
    </Modal>
  );
}
