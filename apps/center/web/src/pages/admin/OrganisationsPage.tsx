import { App, Button, Card, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCenter } from '../../center-context';
import type { Organisation } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateTime } from '../../components/format';
import { useAction, useLoad } from '../../components/use-load';

interface Values {
  readonly kind: 'Y' | 'S';
  readonly code: string;
  readonly province: string;
  readonly name: string;
  readonly filedAt?: Dayjs;
}

/** 评价机构: the list in filing order and the form a centre admin adds one with. */
export function OrganisationsPage() {
  const { api, login, t } = useCenter();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const list = useLoad(
    () => api.get<{ organisations: Organisation[] }>('/api/organisations'),
    [api],
  );
  const action = useAction();
  const add = async (values: Values) => {
    const created = await action.run(() =>
      api.post<{ organisation: Organisation }>('/api/organisations', {
        kind: values.kind,
        code: values.code,
        province: values.province,
        name: values.name,
        ...(values.filedAt === undefined ? {} : { filedAt: values.filedAt.toISOString() }),
      }),
    );
    if (created === undefined) return;
    void message.success(t('organisationAdded', { name: created.organisation.name }));
    form.resetFields();
    list.reload();
  };
  const rows = [...(list.data?.organisations ?? [])].sort((a, b) =>
    a.filedAt.localeCompare(b.filedAt),
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {login.staff.role === 'centre_admin' && (
        <Card title={t('addOrganisation')} size="small">
          <ErrorAlert error={action.error} />
          <Form
            form={form}
            layout="inline"
            initialValues={{ kind: 'Y', code: '0000' }}
            onFinish={(values: Values) => void add(values)}
            style={{ rowGap: 12 }}
          >
            <Form.Item name="name" label={t('name')} rules={[{ required: true }]}>
              <Input style={{ width: 240 }} data-testid="org-name" />
            </Form.Item>
            <Form.Item name="kind" label={t('orgKind')}>
              <Select
                style={{ width: 220 }}
                options={[
                  { value: 'Y', label: t('orgKindY') },
                  { value: 'S', label: t('orgKindS') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('orgCode')}
              tooltip={t('orgCodeHelp')}
              rules={[{ required: true, pattern: /^\d{4}$/, message: t('orgCodeHelp') }]}
            >
              <Input style={{ width: 90 }} maxLength={4} data-testid="org-code" />
            </Form.Item>
            <Form.Item
              name="province"
              label={t('province')}
              rules={[{ required: true, pattern: /^\d{2}$/ }]}
            >
              <Input style={{ width: 70 }} maxLength={2} data-testid="org-province" />
            </Form.Item>
            <Form.Item name="filedAt" label={t('filedAt')}>
              <DatePicker showTime />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={action.busy}>
              {t('add')}
            </Button>
          </Form>
        </Card>
      )}
      <ErrorAlert error={list.error} />
      <Table<Organisation>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('orgKind'), dataIndex: 'kind', width: 80 },
          { title: t('orgCode'), dataIndex: 'code', width: 110 },
          { title: t('province'), dataIndex: 'province', width: 100 },
          { title: t('filedAt'), dataIndex: 'filedAt', render: dateTime, width: 200 },
          { title: 'ID', dataIndex: 'id', ellipsis: true },
        ]}
      />
    </Space>
  );
}
