import { Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useCenter } from '../../center-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/use-load';
import { LEVEL_OPTIONS } from '../batches/batch-levels';

interface Values {
  readonly siteSerial: string;
  readonly year: number;
  readonly level: number;
  readonly size: number;
}

/** An organisation asks for a number range (号段) under one site, year and level. */
export function RequestRangeForm({ onRequested }: { readonly onRequested: () => void }) {
  const { api, t } = useCenter();
  const [form] = Form.useForm<Values>();
  const action = useAction();
  const submit = async (values: Values) => {
    const done = await action.run(() => api.post('/api/certificate-ranges/requests', values));
    if (done === undefined) return;
    form.resetFields();
    onRequested();
  };
  return (
    <Card size="small" title={t('requestRange')}>
      <ErrorAlert error={action.error} />
      <Form
        form={form}
        layout="inline"
        initialValues={{ year: new Date().getFullYear(), level: 4, size: 100 }}
        onFinish={(values: Values) => void submit(values)}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="siteSerial"
          label={t('siteSerial')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('siteSerialHelp') }]}
        >
          <Input style={{ width: 110 }} maxLength={6} data-testid="range-serial" />
        </Form.Item>
        <Form.Item name="year" label={t('year')}>
          <InputNumber min={2000} max={2099} />
        </Form.Item>
        <Form.Item name="level" label={t('level')}>
          <Select style={{ width: 150 }} options={LEVEL_OPTIONS} data-testid="range-level" />
        </Form.Item>
        <Form.Item name="size" label={t('size')}>
          <InputNumber min={1} max={999999} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {t('requestRange')}
        </Button>
      </Form>
    </Card>
  );
}
