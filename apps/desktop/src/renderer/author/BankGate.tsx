import { FolderOpenOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { errorMessage, type AuthorRole, type BankSession } from '@skillexam/shared';
import { Button, Card, Col, Form, Input, List, Row, Space, Typography, message } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { formatSize } from './format-size';
import { RoleCheckboxes } from './RoleCheckboxes';
import { bank } from './author-api';

interface UserForm {
  id: string;
  name: string;
  roles: AuthorRole[];
}

interface SessionProps {
  readonly session: BankSession;
  readonly onSession: (s: BankSession) => void;
}

/** Pick a known local user or add one (id, name, roles); also used from the workbench header. */
export function UserPanel({ session, onSession }: SessionProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<UserForm>();
  const run = (promise: Promise<BankSession>) =>
    promise.then(onSession, (error: unknown) => void message.error(errorMessage(error)));
  return (
    <>
      {session.user !== undefined && (
        <Typography.Paragraph>
          {t('author.user.current')}：<b data-testid="gate-current-user">{session.user.name}</b>（
          {session.user.id}）
        </Typography.Paragraph>
      )}
      {session.users.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }}>
          {session.users.map((user) => (
            <Button
              key={user.id}
              size="small"
              onClick={() => void run(bank('bank:set-user', user))}
              data-testid={`pick-user-${user.id}`}
            >
              {user.name}
            </Button>
          ))}
        </Space>
      )}
      <Form<UserForm>
        form={form}
        layout="vertical"
        initialValues={{ roles: ['writer'] }}
        onFinish={(values) =>
          void run(
            bank('bank:set-user', {
              id: values.id.trim(),
              name: values.name.trim(),
              roles: values.roles,
            }),
          )
        }
      >
        <Form.Item
          name="id"
          label={t('author.user.id')}
          rules={[
            {
              required: true,
              pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/,
              message: t('author.user.idRule'),
            },
          ]}
        >
          <Input data-testid="user-id" placeholder="zhangsan" />
        </Form.Item>
        <Form.Item name="name" label={t('author.user.name')} rules={[{ required: true }]}>
          <Input data-testid="user-name" placeholder="张三" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('author.user.roles')}
          rules={[{ required: true, type: 'array', min: 1 }]}
        >
          <RoleCheckboxes />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="sign-in">
          {t('author.user.signIn')}
        </Button>
      </Form>
    </>
  );
}

/** Sign in as a local user, then open or create a bank file. */
export function BankGate({ session, onSession }: SessionProps) {
  const { t } = useI18n();
  const [files, setFiles] = useState<{ name: string; size: number; modifiedAt: string }[]>([]);
  const [newName, setNewName] = useState('');

  useEffect(() => {
    bank('bank:list-files', {}).then(
      ({ files: list }) => setFiles(list),
      () => undefined,
    );
  }, [session]);

  const run = (promise: Promise<BankSession>) =>
    promise.then(onSession, (error: unknown) => void message.error(errorMessage(error)));

  return (
    <Row gutter={24} style={{ maxWidth: 1100, margin: '24px auto' }}>
      <Col span={10}>
        <Card
          title={
            <Space>
              <UserOutlined />
              {t('author.user.title')}
            </Space>
          }
        >
          <UserPanel session={session} onSession={onSession} />
        </Card>
      </Col>
      <Col span={14}>
        <Card
          title={
            <Space>
              <FolderOpenOutlined />
              {t('author.bank.title')}
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">
            {t('author.bank.folder')}：{session.bankDir}
          </Typography.Paragraph>
          <List
            size="small"
            bordered
            dataSource={files}
            locale={{ emptyText: t('author.bank.none') }}
            renderItem={(file) => (
              <List.Item
                actions={[
                  <Button
                    key="open"
                    size="small"
                    disabled={session.user === undefined}
                    onClick={() => void run(bank('bank:open', { name: file.name }))}
                    data-testid={`open-${file.name}`}
                  >
                    {t('author.bank.open')}
                  </Button>,
                ]}
              >
                {file.name}{' '}
                <Typography.Text type="secondary">
                  · {formatSize(file.size)} · {file.modifiedAt.slice(0, 16).replace('T', ' ')}
                </Typography.Text>
              </List.Item>
            )}
          />
          <Space.Compact style={{ width: '100%', marginTop: 16 }}>
            <Input
              value={newName}
              onChange={(event) => setNewName(event.target.value)}
              placeholder={t('author.bank.newName')}
              data-testid="new-bank-name"
            />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={session.user === undefined || newName.trim() === ''}
              onClick={() => void run(bank('bank:open', { name: newName, create: true }))}
              data-testid="create-bank"
            >
              {t('author.bank.create')}
            </Button>
          </Space.Compact>
          {session.user === undefined && (
            <Typography.Paragraph type="warning" style={{ marginTop: 8 }}>
              {t('author.bank.signInFirst')}
            </Typography.Paragraph>
          )}
        </Card>
      </Col>
    </Row>
  );
}
