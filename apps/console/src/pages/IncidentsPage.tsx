import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { errorMessage, type IncidentCategory, type IncidentView } from '@skillexam/shared';
import { useEffect, useState } from 'react';
import { downloadFile } from '../api/console-client';
import { useAction, useQuery } from '../components/use-call';
import { canAct, useConsole } from '../console-context';
import { formatClock, joinList } from '../format/format';
import { categoryLabel, usePageText } from './page-messages';

const CATEGORY_COLORS: Readonly<Record<IncidentCategory, string>> = {
  violation: 'red',
  equipment: 'orange',
  power_network: 'gold',
  other: 'default',
};

interface NewIncidentValues {
  category: IncidentCategory;
  attemptIds?: string[];
  description: string;
  action?: string;
}

const CATEGORIES = Object.keys(CATEGORY_COLORS) as IncidentCategory[];

const staff = (actor: string) => actor.replace(/^staff:/, '');

/** 考场情况记录: list, record, second-proctor confirmation, PDF. */
export function IncidentsPage({ sessionId }: { sessionId: string }) {
  const { t, lang, login, connection } = useConsole();
  const text = usePageText();
  const { message } = App.useApp();
  const act = useAction();
  const incidents = useQuery('incident:list', { sessionId }, [sessionId]);
  const snapshot = useQuery('monitor:snapshot', { sessionId }, [sessionId]);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewIncidentValues>();
  const me = `staff:${login.username}`;
  const allowed = canAct(login.role);
  const { reload } = incidents;
  useEffect(() => {
    const onPush = (incident: IncidentView) => {
      if (incident.sessionId === sessionId) reload();
    };
    connection.socket.on('monitor:incident', onPush);
    return () => {
      connection.socket.off('monitor:incident', onPush);
    };
  }, [connection, sessionId, reload]);

  const candidates = (snapshot.data?.attempts ?? []).map((a) => ({
    value: a.attemptId,
    label: `${a.seat} ${a.name} ${a.admissionTicketNumber}`,
  }));

  return (
    <Card
      title={t('incidents')}
      extra={
        <Space>
          <Button
            icon={<FilePdfOutlined />}
            onClick={() =>
              downloadFile(login.token, sessionId, 'incident-record').then(
                (name) => void message.success(name),
                (err: unknown) => void message.error(errorMessage(err)),
              )
            }
          >
            {t('exportPdf')}
          </Button>
          {allowed && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('newIncident')}
            </Button>
          )}
        </Space>
      }
    >
      {incidents.error !== undefined && <Alert type="error" showIcon title={incidents.error} />}
      <Table<IncidentView>
        data-testid="incidents-table"
        rowKey="id"
        size="middle"
        pagination={false}
        loading={incidents.data === undefined && incidents.error === undefined}
        dataSource={incidents.data?.incidents ?? []}
        columns={[
          { title: '#', dataIndex: 'id', width: 50 },
          { title: text('time'), width: 90, render: (_, row) => formatClock(row.createdAt) },
          {
            title: t('category'),
            width: 100,
            render: (_, row) => (
              <Tag color={CATEGORY_COLORS[row.category]}>{categoryLabel(text, row.category)}</Tag>
            ),
          },
          {
            title: t('involved'),
            width: 180,
            render: (_, row) =>
              row.candidates.length === 0
                ? text('everyone')
                : joinList(
                    row.candidates.map((c) => `${c.seat} ${c.name}`),
                    lang,
                  ),
          },
          { title: t('description'), dataIndex: 'description' },
          { title: t('action'), width: 120, render: (_, row) => row.action || '—' },
          { title: t('recordedBy'), width: 100, render: (_, row) => staff(row.createdBy) },
          {
            title: t('confirmedBy'),
            width: 170,
            render: (_, row) =>
              row.confirmedBy !== undefined ? (
                <Tag color="green">{staff(row.confirmedBy)}</Tag>
              ) : allowed && row.createdBy !== me ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() =>
                    void act(
                      'incident:confirm',
                      { incidentId: row.id },
                      `${t('confirmSecond')} ✓`,
                    ).then(reload)
                  }
                >
                  {t('confirmSecond')}
                </Button>
              ) : (
                <Tag color="orange">{t('awaitingConfirm')}</Tag>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('newIncident')}
        okText={t('confirm')}
        cancelText={t('cancel')}
        destroyOnHidden
        onCancel={() => setCreating(false)}
        onOk={async () => {
          const values = await form.validateFields();
          const created = await act(
            'incident:create',
            {
              sessionId,
              category: values.category,
              description: values.description,
              attemptIds: values.attemptIds ?? [],
              action: values.action ?? '',
            },
            `${t('newIncident')} ✓`,
          );
          if (created !== undefined) {
            setCreating(false);
            form.resetFields();
            reload();
          }
        }}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ category: 'violation' }}
        >
          <Form.Item name="category" label={t('category')} rules={[{ required: true }]}>
            <Select
              options={CATEGORIES.map((value) => ({ value, label: categoryLabel(text, value) }))}
            />
          </Form.Item>
          <Form.Item name="attemptIds" label={t('involved')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={candidates}
              placeholder={text('involvedPlaceholder')}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('description')}
            rules={[{ required: true, whitespace: true, max: 2000 }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="action" label={t('action')} rules={[{ max: 200 }]}>
            <Input placeholder={text('actionPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
