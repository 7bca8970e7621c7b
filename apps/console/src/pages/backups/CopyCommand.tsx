import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { copyText } from '../keys/use-admin-api';
import { useBackupText } from './backups-messages';

/** A shell command as the server gave it, with a copy button. */
export function CopyCommand({ command, testid }: { command: string; testid: string }) {
  const text = useBackupText();
  const { message } = App.useApp();
  const copy = async () => {
    await copyText(command);
    void message.success(text('copied'));
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Typography.Text
        code
        data-testid={testid}
        style={{
          flex: 1,
          padding: '4px 8px',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
          fontSize: 13,
        }}
      >
        {command}
      </Typography.Text>
      <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid={`${testid}-copy`}>
        {text('copy')}
      </Button>
    </Space.Compact>
  );
}
