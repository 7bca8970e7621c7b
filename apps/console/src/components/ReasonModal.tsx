import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useConsole } from '../console-context';

export interface ReasonValues {
  readonly reason: string;
  readonly minutes?: number;
  readonly roomId?: string;
  readonly seat?: number;
}

interface Props {
  readonly open: boolean;
  readonly title: string;
  readonly danger?: boolean;
  readonly warning?: string;
  readonly withMinutes?: boolean;
  /** Upper bound of the minutes field (e.g. what is left of the 补时上限). */
  readonly minutesMax?: number;
  readonly minutesLabel?: string;
  readonly minutesInitial?: number;
  /** Shown under the minutes field (e.g. the cap and what is left of it). */
  readonly minutesHint?: string;
  readonly rooms?: readonly { id: string; name: string }[];
  readonly reasonLabel?: string;
  /** The confirm button's words (default 确认), e.g. 结束考试 for the action itself. */
  readonly okText?: string;
  readonly onCancel: () => void;
  readonly onSubmit: (values: ReasonValues) => void | Promise<void>;
}

/** Asks for a reason (and minutes, or a new seat) before an action; dangerous ones in red. */
export function ReasonModal(props: Props) {
  const { t } = useConsole();
  const [form] = Form.useForm<ReasonValues>();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText ?? t('confirm')}
      cancelText={t('cancel')}
      okButtonProps={{ danger: props.danger === true }}
      destroyOnHidden
      onCancel={props.onCancel}
      onOk={async () => {
        const values = await form.validateFields();
        await props.onSubmit(values);
        form.resetFields();
      }}
    >
      {props.warning !== undefined && <p style={{ color: '#cf1322' }}>{props.warning}</p>}
      <Form form={form} layout="vertical" preserve={false}>
        {props.withMinutes === true && (
          <Form.Item
            name="minutes"
            label={props.minutesLabel ?? t('minutes')}
            rules={[{ required: true }]}
            initialValue={props.minutesInitial ?? Math.min(10, props.minutesMax ?? 240)}
            {...(props.minutesHint === undefined ? {} : { extra: props.minutesHint })}
          >
            <InputNumber
              min={1}
              max={props.minutesMax ?? 240}
              style={{ width: 160 }}
              data-testid="minutes-input"
            />
          </Form.Item>
        )}
        {props.rooms !== undefined && (
          <>
            <Form.Item
              name="roomId"
              label={t('newRoom')}
              rules={[{ required: true }]}
              initialValue={props.rooms[0]?.id}
            >
              <Select options={props.rooms.map((r) => ({ value: r.id, label: r.name }))} />
            </Form.Item>
            <Form.Item name="seat" label={t('newSeat')} rules={[{ required: true }]}>
              <InputNumber min={1} max={999} style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="reason"
          label={props.reasonLabel ?? t('reason')}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
