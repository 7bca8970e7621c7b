import { shellWord } from '@skillexam/shared';
import { Alert, Card, Input, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import type { BackupEntry } from './backups-api';
import { useBackupText } from './backups-messages';
import { CopyCommand } from './CopyCommand';

/*
 * How to restore the chosen backup on this server: the console does not restore itself, as the
 * server must be stopped (docs/decisions/0982). The commands are the server's own, with its
 * real data and backup folders.
 */
export function RestoreCard({ backup, serverPid }: { backup: BackupEntry; serverPid?: number }) {
  const text = useBackupText();
  const lost = ['lostAnswers', 'lostSubmitted', 'lostLogins', 'lostOther', 'lostClock'] as const;
  // the CLI refuses a restore without a reason and writes it in the restored chain
  const [reason, setReason] = useState('');
  const typed = reason.trim();
  return (
    <Card
      size="small"
      title={text('restoreTitle', { name: backup.name })}
      data-testid="restore-card"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert
          type="warning"
          showIcon
          title={text('notInConsole', { pid: String(serverPid ?? '?') })}
        />
        <Steps
          orientation="vertical"
          size="small"
          current={-1}
          items={[
            { title: text('step1') },
            {
              title: text('step2'),
              description: (
                <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                  <Input
                    aria-label={text('reasonLabel')}
                    addonBefore={text('reasonLabel')}
                    placeholder={text('reasonPlaceholder')}
                    maxLength={500}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    data-testid="restore-reason"
                  />
                  {typed === '' ? (
                    <Typography.Text type="secondary">{text('reasonFirst')}</Typography.Text>
                  ) : (
                    <CopyCommand
                      command={`${backup.restoreCommand} --reason ${shellWord(typed)}`}
                      testid="restore-command"
                    />
                  )}
                </Space>
              ),
            },
            { title: text('step3') },
            { title: text('step4') },
          ]}
        />
        <div>
          <Typography.Text type="secondary">{text('verifyOnly')}</Typography.Text>
          <CopyCommand command={backup.verifyCommand} testid="verify-command" />
        </div>
        <Card size="small" type="inner" title={text('lostTitle')} data-testid="restore-loses">
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {lost.map((key) => (
              <li key={key}>{text(key)}</li>
            ))}
          </ul>
        </Card>
        <Typography.Text type="secondary">{text('keysNote')}</Typography.Text>
      </Space>
    </Card>
  );
}
