import { App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useCenter } from '../../center-context';
import type { Organisation, Site } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilePicker } from '../../components/FilePicker';
import { useAction } from '../../components/use-load';

interface Values {
  readonly organisationId: string;
  readonly name: string;
  readonly siteSerial: string;
  readonly publicKeyPem: string;
}

interface Props {
  readonly organisations: readonly Organisation[];
  readonly onEnrolled: () => void;
}

/** 登记考点: organisation, name, 6-digit serial, the site's public key pasted or from a file. */
export function EnrolSiteForm({ organisations, onEnrolled }: Props) {
  const { api, t } = useCenter();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const action = useAction();
  const enrol = async (values: Values) => {
    const site = await action.run(() => api.post<Site>('/api/sites', values));
    if (site === undefined) return;
    void message.success(t('siteEnrolled', { name: site.name }));
    form.resetFields();
    onEnrolled();
  };
  return (
    <Card title={t('enrolSite')} size="small">
      <ErrorAlert error={action.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values: Values) => void enrol(values)}
        style={{ maxWidth: 820 }}
      >
        <Space wrap size="middle" align="start">
          <Form.Item name="organisationId" label={t('organisation')} rules={[{ required: true }]}>
            <Select
              style={{ width: 260 }}
              data-testid="site-organisation"
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('siteName')} rules={[{ required: true }]}>
            <Input style={{ width: 320 }} data-testid="site-name" />
          </Form.Item>
          <Form.Item
            name="siteSerial"
            label={t('siteSerial')}
            extra={t('siteSerialHelp')}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('siteSerialHelp') }]}
          >
            <Input style={{ width: 120 }} maxLength={6} data-testid="site-serial" />
          </Form.Item>
        </Space>
        <Form.Item
          name="publicKeyPem"
          label={t('publicKey')}
          extra={t('publicKeyHelp')}
          rules={[{ required: true }]}
        >
          <Input.TextArea
            rows={4}
            style={{ fontFamily: 'monospace' }}
            placeholder="-----BEGIN PUBLIC KEY-----"
            data-testid="site-key"
          />
        </Form.Item>
        <Space>
          <FilePicker
            label={t('pickPem')}
            accept=".pem,.pub,.txt"
            onFile={(file) =>
              void file.text().then((text) => form.setFieldValue('publicKeyPem', text.trim()))
            }
          />
          <Button type="primary" htmlType="submit" loading={action.busy}>
            {t('enrolSite')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
