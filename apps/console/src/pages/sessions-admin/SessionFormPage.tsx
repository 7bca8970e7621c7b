import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, message } from 'antd';
import { useEffect, useState } from 'react';
import { useConsole } from '../../console-context';
import { RoomsFields } from './RoomsFields';
import { defaultRoomName, sessionFormText } from './session-form-messages';
import { SessionRulesFields } from './SessionRulesFields';
import {
  createRequest,
  defaultValues,
  updateRequest,
  valuesOf,
  type SessionFormValues,
} from './session-form-values';
import { useAdminApi } from './use-admin-api';

interface Props {
  /** Absent: 新建场次; present: 编辑场次 (only while scheduled, the server refuses later). */
  readonly sessionId?: string;
  readonly onSaved: (sessionId: string) => void;
}

/** 新建/编辑场次 (exam admin): the server's defaults pre-filled, its checks and messages. */
export function SessionFormPage({ sessionId, onSaved }: Props) {
  const { t, lang, login } = useConsole();
  const api = useAdminApi();
  const [form] = Form.useForm<SessionFormValues>();
  const [exams, setExams] = useState<{ value: string; label: string }[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [initial, setInitial] = useState<SessionFormValues | undefined>(() =>
    sessionId === undefined ? defaultValues(Date.now(), defaultRoomName(lang, 1)) : undefined,
  );
  const editing = sessionId !== undefined;

  useEffect(() => {
    void api
      .exams()
      .then((list) =>
        setExams(list.map((e) => ({ value: e.examId, label: `${e.title} (${e.examId})` }))),
      )
      .catch((err: Error) => setError(err.message));
    if (sessionId === undefined) return;
    void api
      .setup(sessionId)
      .then((s) => setInitial(valuesOf(s, s.checkInAt !== undefined)))
      .catch((err: Error) => setError(err.message));
  }, [api, sessionId]);

  if (login.role !== 'admin') return <Alert type="warning" showIcon title={t('adminOnly')} />;

  const submit = async (values: SessionFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = editing
        ? await api.update(updateRequest({ ...values, id: sessionId }))
        : await api.create(createRequest(values));
      void message.success(editing ? t('sessionSaved') : t('sessionCreated'));
      onSaved(saved.id);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={editing ? `${t('editSession')} · ${sessionId}` : t('newSession')}
      data-testid="session-form"
    >
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16, whiteSpace: 'pre-line' }}
          role="alert"
        />
      )}
      {editing && (
        <Alert
          type="info"
          showIcon
          title={t('editOnlyBeforeCheckIn')}
          style={{ marginBottom: 16 }}
        />
      )}
      {initial !== undefined && (
        <Form
          form={form}
          layout="horizontal"
          labelCol={{ flex: '180px' }}
          wrapperCol={{ flex: 1 }}
          initialValues={initial}
          onFinish={() => void submit(form.getFieldsValue(true))}
          style={{ maxWidth: 900 }}
        >
          {!editing && (
            <>
              <Form.Item
                name="examId"
                label={t('sessionExam')}
                extra={t('examHelp')}
                rules={[{ required: true }]}
              >
                <Select options={exams} placeholder={t('sessionExam')} showSearch />
              </Form.Item>
              <Form.Item
                name="id"
                label={t('sessionId')}
                extra={t('sessionIdHelp')}
                rules={[{ required: true }]}
              >
                <Input placeholder="2026Q4-dg4" style={{ width: 260 }} />
              </Form.Item>
            </>
          )}
          <Form.Item name="name" label={t('sessionName')} rules={[{ required: true }]}>
            <Input placeholder={sessionFormText(lang)('namePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="start"
            label={t('scheduledStart')}
            extra={t('startHelp')}
            rules={[{ required: true }]}
          >
            <Input type="datetime-local" style={{ width: 260 }} />
          </Form.Item>
          <Form.Item
            name="durationMinutes"
            label={t('duration')}
            extra={t('durationHelp')}
            rules={[{ required: true }]}
          >
            <InputNumber
              min={1}
              max={600}
              precision={0}
              suffix={t('minutesUnit')}
              style={{ width: 160 }}
            />
          </Form.Item>
          {!editing && <RoomsFields />}
          <SessionRulesFields />
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {editing ? t('saveChanges') : t('createSession')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
