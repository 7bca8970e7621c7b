import { UserOutlined } from '@ant-design/icons';
import { Avatar, Flex, Space, Tag, Typography } from 'antd';
import type { AttemptView } from '@skillexam/shared';
import { useConsole } from '../../console-context';
import { attemptStatusLabel } from '../../format/format';
import { STATUS_COLORS } from '../CandidateTable';
import { useActionText } from './action-messages';

interface Props {
  readonly attempt: AttemptView;
  readonly photo: string | undefined;
  readonly offline: boolean;
  readonly saveRejected: boolean;
}

/** Photo, name, status, online state, lock and a refused answer, at the top of the panel. */
export function CandidateHeader({ attempt, photo, offline, saveRejected }: Props) {
  const { t, lang } = useConsole();
  const actionText = useActionText();
  const { status } = attempt;
  return (
    <Flex gap={16} align="center" style={{ marginBottom: 16 }}>
      {photo === undefined ? (
        <Avatar shape="square" size={72} icon={<UserOutlined />} />
      ) : (
        <img
          src={photo}
          alt={attempt.name}
          data-testid="panel-photo"
          style={{ width: 72, height: 96, objectFit: 'cover', borderRadius: 4 }}
        />
      )}
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {attempt.name}
        </Typography.Title>
        <Space wrap>
          <Tag color={STATUS_COLORS[status]} data-testid="panel-status">
            {attemptStatusLabel(status, lang, attempt.identityConfirmed)}
          </Tag>
          {['logged_in', 'admitted', 'in_progress', 'paused'].includes(status) && (
            <Tag color={offline ? 'error' : 'success'}>{offline ? t('offline') : t('online')}</Tag>
          )}
          {attempt.lockedUntil !== undefined && <Tag color="volcano">{actionText('locked')}</Tag>}
          {saveRejected && (
            <Tag color="red" data-testid="panel-save-rejected">
              {actionText('answerRejected')}
            </Tag>
          )}
        </Space>
      </div>
    </Flex>
  );
}
