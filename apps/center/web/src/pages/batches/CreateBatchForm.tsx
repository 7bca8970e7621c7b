import { Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useCenter } from '../../center-context';
import type { Batch } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/use-load';
import { LEVEL_OPTIONS, levelHasReview } from './batch-levels';

interface Values {
  readonly name: string;
  readonly occupationCode: string;
  readonly occupationName: string;
  readonly level: number;
  readonly theory: number;
  readonly skills: number;
  readonly review: number;
}

/** 新建认定批次 with the pass rule: every part ≥ 60 unless changed. */
export function CreateBatchForm({ onCreated }: { readonly onCreated: (batch: Batch) => void }) {
  const { api, t } = useCenter();
  const [form] = Form.useForm<Values>();
  const level = Form.useWatch('level', form) ?? 4;
  const action = useAction();
  const create = async (values: Values) => {
    const batch = await action.run(() =>
      api.post<Batch>('/api/batches', {
        name: values.name,
        occupationCode: values.occupationCode,
        occupationName: values.occupationName,
        level: values.level,
        passRule: {
          theory: values.theory,
          skills: values.skills,
          ...(levelHasReview(values.level) ? { review: values.review } : {}),
        },
      }),
    );
    if (batch === undefined) return;
    form.resetFields();
    onCreated(batch);
  };
  const review = levelHasReview(level);
  return (
    <Card title={t('newBatch')} size="small">
      <ErrorAlert error={action.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ level: 4, theory: 60, skills: 60, review: 60 }}
        onFinish={(values: Values) => void create(values)}
      >
        <Space wrap size="middle" align="start">
          <Form.Item name="name" label={t('batchName')} rules={[{ required: true }]}>
            <Input style={{ width: 260 }} data-testid="batch-name" />
          </Form.Item>
          <Form.Item
            name="occupationCode"
            label={t('occupationCode')}
            rules={[{ required: true, pattern: /^\d-\d{2}-\d{2}-\d{2}$/ }]}
          >
            <Input style={{ width: 140 }} placeholder="6-31-01-03" data-testid="batch-code" />
          </Form.Item>
          <Form.Item name="occupationName" label={t('occupationName')} rules={[{ required: true }]}>
            <Input style={{ width: 160 }} placeholder="电工" data-testid="batch-occupation" />
          </Form.Item>
          <Form.Item name="level" label={t('level')}>
            <Select style={{ width: 160 }} options={LEVEL_OPTIONS} data-testid="batch-level" />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('passRule')}</Typography.Text>
        <Typography.Paragraph type="secondary" data-testid="pass-rule-help">
          {t('passRuleHelp', { review: review ? t('passRuleReview') : '' })}
        </Typography.Paragraph>
        <Space wrap size="middle" align="start">
          <Form.Item name="theory" label={`${t('theory')} ≥`}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="skills" label={`${t('skills')} ≥`}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          {review && (
            <Form.Item name="review" label={`${t('review')} ≥`}>
              <InputNumber min={0} max={100} />
            </Form.Item>
          )}
        </Space>
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {t('newBatch')}
        </Button>
      </Form>
    </Card>
  );
}
