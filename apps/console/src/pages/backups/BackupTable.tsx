import { DownloadOutlined, HistoryOutlined } from '@ant-design/icons';
import { errorMessage } from '@skillexam/shared';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useConsole } from '../../console-context';
import { formatDateTime } from '../keys/format-time';
import { downloadBackup, type BackupEntry } from './backups-api';
import { useBackupText } from './backups-messages';

function sizeOf(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

/** The backup folder, newest first: download a backup (and its witness) or see how to restore it. */
export function BackupTable({
  backups,
  chosen,
  onChoose,
}: {
  backups: readonly BackupEntry[];
  chosen: string | undefined;
  onChoose: (name: string) => void;
}) {
  const text = useBackupText();
  const { login } = useConsole();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | undefined>();
  const download = async (name: string) => {
    setBusy(name);
    try {
      void message.success(`${await downloadBackup(login.token, name)} ✓`);
    } catch (err) {
      void message.error(errorMessage(err), 6);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Table<BackupEntry>
      size="small"
      rowKey="name"
      data-testid="backup-table"
      pagination={{ pageSize: 8, hideOnSinglePage: true }}
      dataSource={[...backups]}
      locale={{
        emptyText: <Typography.Text type="secondary">{text('noBackups')}</Typography.Text>,
      }}
      rowClassName={(row) => (row.name === chosen ? 'ant-table-row-selected' : '')}
      columns={[
        {
          title: text('time'),
          dataIndex: 'at',
          width: 150,
          render: (at: number) => formatDateTime(at),
        },
        {
          title: text('name'),
          dataIndex: 'name',
          render: (name: string) => <Typography.Text code>{name}</Typography.Text>,
        },
        { title: text('size'), dataIndex: 'bytes', width: 90, render: sizeOf },
        {
          title: text('head'),
          key: 'head',
          render: (_: unknown, row) =>
            row.head !== undefined ? (
              <Typography.Text code>
                {text('headOf', { seq: String(row.head.seq), hash: row.head.hash.slice(0, 12) })}
              </Typography.Text>
            ) : (
              <Tag color={row.headError === undefined ? 'default' : 'error'}>
                {row.headError === undefined ? text('noHead') : text('headUnreadable')}
              </Tag>
            ),
        },
        {
          title: text('actions'),
          key: 'actions',
          width: 300,
          render: (_: unknown, row) => (
            <Space wrap size={4}>
              <Button
                size="small"
                icon={<DownloadOutlined />}
                loading={busy === row.name}
                onClick={() => void download(row.name)}
              >
                {text('download')}
              </Button>
              {row.headFile !== undefined && (
                <Button
                  size="small"
                  loading={busy === row.headFile}
                  onClick={() => void download(row.headFile ?? '')}
                >
                  {text('downloadHead')}
                </Button>
              )}
              <Button
                size="small"
                type={row.name === chosen ? 'primary' : 'default'}
                icon={<HistoryOutlined />}
                onClick={() => onChoose(row.name)}
              >
                {text('restore')}
              </Button>
            </Space>
          ),
        },
      ]}
    />
  );
}
