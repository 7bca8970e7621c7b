import { UserOutlined } from '@ant-design/icons';
import {
  Alert,
  Avatar,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Progress,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { AttemptProgress, AttemptView, KioskEventNotice, RoomView } from '@skillexam/shared';
import { useEffect, useState } from 'react';
import { fetchPhoto } from '../api/console-client';
import { canAct, useConsole } from '../console-context';
import { attemptStatusLabel, attemptTimeLeft, formatClock, formatDuration } from '../format/format';
import { isOffline } from '../store/counts';
import { STATUS_COLORS } from './CandidateTable';
import { ReasonModal, type ReasonValues } from './ReasonModal';
import { useAction, useQuery } from './use-call';

type Dialog = 'pause' | 'extend' | 'raise-cap' | 'force' | 'void' | 'move' | 'message';

const TIMELINE_LABELS: Readonly<Record<string, string>> = {
  'candidate.login': '登录',
  'candidate.login-failed': '登录失败',
  'candidate.locked': '登录锁定',
  'attempt.confirm-identity': '确认身份',
  'attempt.admit': '准入',
  'attempt.start': '开始作答',
  'attempt.pause': '暂停',
  'attempt.resume': '恢复',
  'attempt.extend': '补时',
  'attempt.extension-cap': '提高补时上限',
  'attempt.force-submit': '强制交卷',
  'attempt.submit': '交卷',
  'attempt.auto-submit': '到时自动交卷',
  'attempt.void': '试卷作废',
  'attempt.move': '调换座位',
  'attempt.unlock': '解除锁定',
  'auth.logout': '退出登录',
  'kiosk.focus_lost': '窗口失去焦点',
  'kiosk.focus_regained': '窗口恢复焦点',
  'kiosk.display_changed': '显示器变化',
  'kiosk.vm_suspected': '疑似虚拟机',
  'kiosk.remote_tool_found': '发现远程控制软件',
  'kiosk.client_restarted': '客户端重启',
  'kiosk.server_cert_mismatch': '考点服务器证书不符',
  'answer.rejected': '答案被服务器拒收',
  'incident.record': '考场记录',
};

const WARNING_KINDS = new Set([
  'kiosk.focus_lost',
  'kiosk.display_changed',
  'kiosk.vm_suspected',
  'kiosk.remote_tool_found',
  'kiosk.server_cert_mismatch',
  'candidate.locked',
  'attempt.void',
  'answer.rejected',
]);

interface Props {
  readonly attempt: AttemptView;
  readonly progress: AttemptProgress | undefined;
  readonly rooms: readonly RoomView[];
  readonly serverNow: number;
  /** The session's 补时上限 rule (minutes); an exam admin may raise it for one candidate. */
  readonly extensionCapMinutes: number;
  /** The latest pushed refusal of one of this candidate's answers (docs/decisions/0227). */
  readonly saveRejection?: KioskEventNotice | undefined;
  readonly onClose: () => void;
}

/** Identity, progress, timeline and the actions on one candidate. */
export function CandidatePanel({
  attempt,
  progress,
  rooms,
  serverNow,
  extensionCapMinutes,
  saveRejection,
  onClose,
}: Props) {
  const { t, lang, login } = useConsole();
  const act = useAction();
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const timeline = useQuery('console:timeline', { attemptId: attempt.attemptId }, [
    attempt.attemptId,
    attempt,
    saveRejection,
  ]);
  // Pushed live, or found in the timeline (audit) when the console was opened later.
  const rejectedDetail =
    saveRejection?.detail ??
    timeline.data?.entries.filter((e) => e.kind === 'answer.rejected').at(-1)?.detail;
  const allowed = canAct(login.role);
  const [photo, setPhoto] = useState<string | undefined>();
  useEffect(() => {
    let url: string | undefined;
    let live = true;
    setPhoto(undefined);
    if (attempt.photoAssetHash !== undefined) {
      void fetchPhoto(login.token, attempt.attemptId).then((loaded) => {
        url = loaded;
        if (live) setPhoto(loaded);
      });
    }
    return () => {
      live = false;
      if (url !== undefined) URL.revokeObjectURL(url);
    };
  }, [attempt.attemptId, attempt.photoAssetHash, login.token]);
  const offline = isOffline(attempt, progress, serverNow);
  const left = attemptTimeLeft(attempt, serverNow);
  const { status } = attempt;
  const live = status === 'in_progress' || status === 'paused';
  const ref = { attemptId: attempt.attemptId };
  const close = () => setDialog(undefined);
  // 补时上限 (docs/decisions/0223): the candidate's raised cap, else the session rule
  const capMinutes = Math.floor((attempt.extensionCapMs ?? extensionCapMinutes * 60_000) / 60_000);
  const extendedMinutes = Math.round(attempt.extensionMs / 60_000);
  const extendLeft = Math.max(0, capMinutes - extendedMinutes);
  const run = async (promise: Promise<unknown>) => {
    if ((await promise) !== undefined) close();
  };

  const submit = async (values: ReasonValues) => {
    const reason = values.reason;
    switch (dialog) {
      case 'pause':
        return run(act('proctor:pause', { ...ref, reason }, `${t('pause')} ✓`));
      case 'extend':
        return run(
          act(
            'proctor:extend',
            { ...ref, reason, minutes: values.minutes ?? 0 },
            `${t('extend')} ✓`,
          ),
        );
      case 'raise-cap':
        return run(
          act(
            'proctor:extension-cap',
            { ...ref, reason, capMinutes: values.minutes ?? 0 },
            `${t('raiseExtensionCap')} ✓`,
          ),
        );
      case 'force':
        return run(act('proctor:force-submit', { ...ref, reason }, `${t('forceSubmit')} ✓`));
      case 'void':
        return run(act('proctor:void', { ...ref, reason }, `${t('void')} ✓`));
      case 'move':
        return run(
          act(
            'proctor:move',
            {
              ...ref,
              reason,
              roomId: values.roomId ?? attempt.roomId,
              seat: values.seat ?? attempt.seat,
            },
            `${t('move')} ✓`,
          ),
        );
      case 'message':
        return run(
          act(
            'proctor:message',
            { sessionId: attempt.sessionId, attemptId: attempt.attemptId, text: reason },
            `${t('message')} ✓`,
          ),
        );
      case undefined:
        return undefined;
    }
  };

  const roomName = rooms.find((r) => r.roomId === attempt.roomId)?.name ?? attempt.roomId;
  return (
    <Drawer
      open
      size={520}
      title={`${attempt.name} · ${t('seat')} ${attempt.seat}`}
      onClose={onClose}
      data-testid="candidate-panel"
    >
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
              <Tag color={offline ? 'red' : 'green'}>{offline ? t('offline') : t('online')}</Tag>
            )}
            {attempt.lockedUntil !== undefined && <Tag color="volcano">锁定</Tag>}
            {rejectedDetail !== undefined && (
              <Tag color="red" data-testid="panel-save-rejected">
                答案被拒收
              </Tag>
            )}
          </Space>
        </div>
      </Flex>
      {rejectedDetail !== undefined && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="考生的答案未被服务器接受，请到考生机位查看 (a save was rejected)"
          description={rejectedDetail}
        />
      )}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('ticket')}>{attempt.admissionTicketNumber}</Descriptions.Item>
        <Descriptions.Item label={t('idNumber')}>{attempt.maskedIdNumber}</Descriptions.Item>
        <Descriptions.Item label={t('seat')}>
          {roomName} · {attempt.seat}
        </Descriptions.Item>
        <Descriptions.Item label={t('timeLeft')}>
          <span data-testid="panel-time-left">
            {left === undefined ? '—' : formatDuration(left)}
          </span>
          {attempt.extensionMs > 0 && (
            <Tag color="blue" style={{ marginLeft: 8 }} data-testid="panel-extension">
              {t('extend')} +{Math.round(attempt.extensionMs / 60_000)} {t('minutes')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('progress')}>
          {progress === undefined ? (
            '—'
          ) : (
            <Progress
              size="small"
              percent={
                progress.total === 0 ? 0 : Math.round((100 * progress.answered) / progress.total)
              }
              format={() => `${progress.answered}/${progress.total}`}
            />
          )}
        </Descriptions.Item>
      </Descriptions>

      {allowed && (
        <Flex wrap gap={8} style={{ margin: '16px 0' }} data-testid="panel-actions">
          {status === 'logged_in' && (
            <Button
              type="primary"
              disabled={!attempt.identityConfirmed}
              onClick={() =>
                void act(
                  'proctor:admit',
                  { sessionId: attempt.sessionId, attemptIds: [attempt.attemptId] },
                  `${t('admit')} ✓`,
                )
              }
            >
              {t('admit')}
            </Button>
          )}
          {(status === 'in_progress' ||
            (status === 'paused' && attempt.pauseKind === 'session')) && (
            // during a session pause: keeps this candidate paused when the session resumes (0226)
            <Button onClick={() => setDialog('pause')}>{t('pause')}</Button>
          )}
          {status === 'paused' && attempt.pauseKind !== 'session' && (
            <Button
              type="primary"
              onClick={() => void act('proctor:resume', ref, `${t('resume')} ✓`)}
            >
              {t('resume')}
            </Button>
          )}
          {live && <Button onClick={() => setDialog('extend')}>{t('extend')}</Button>}
          {live && login.role === 'admin' && (
            <Button onClick={() => setDialog('raise-cap')}>{t('raiseExtensionCap')}</Button>
          )}
          {live && (
            <Button danger onClick={() => setDialog('force')}>
              {t('forceSubmit')}
            </Button>
          )}
          {status !== 'voided' && status !== 'absent' && status !== 'registered' && (
            <Button danger type="primary" onClick={() => setDialog('void')}>
              {t('void')}
            </Button>
          )}
          {!['submitted', 'force_submitted', 'voided', 'absent'].includes(status) && (
            <Button onClick={() => setDialog('move')}>{t('move')}</Button>
          )}
          {attempt.lockedUntil !== undefined && (
            <Button onClick={() => void act('proctor:unlock', ref, `${t('unlock')} ✓`)}>
              {t('unlock')}
            </Button>
          )}
          <Button onClick={() => setDialog('message')}>{t('message')}</Button>
        </Flex>
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('timeline')}
      </Typography.Title>
      {timeline.data === undefined || timeline.data.entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          data-testid="panel-timeline"
          items={[...timeline.data.entries].reverse().map((entry) => ({
            color: WARNING_KINDS.has(entry.kind) ? 'red' : 'blue',
            content: (
              <span>
                <b>{formatClock(entry.at)}</b> {TIMELINE_LABELS[entry.kind] ?? entry.kind}
                {entry.detail !== '' && (
                  <Typography.Text type="secondary"> {entry.detail}</Typography.Text>
                )}
                {entry.actor.startsWith('staff:') && (
                  <Typography.Text type="secondary"> · {entry.actor.slice(6)}</Typography.Text>
                )}
              </span>
            ),
          }))}
        />
      )}

      <ReasonModal
        open={dialog !== undefined}
        title={
          dialog === 'pause'
            ? t('pause')
            : dialog === 'extend'
              ? t('extend')
              : dialog === 'raise-cap'
                ? t('raiseExtensionCap')
                : dialog === 'force'
                  ? t('forceSubmit')
                  : dialog === 'void'
                    ? t('void')
                    : dialog === 'move'
                      ? t('move')
                      : t('message')
        }
        danger={dialog === 'force' || dialog === 'void'}
        {...(dialog === 'force'
          ? { warning: `确认将 ${attempt.name} 的试卷强制交卷？交卷后考生不能继续作答。` }
          : dialog === 'void'
            ? {
                warning: `确认将 ${attempt.name} 的试卷作废？作废后成绩无效，并记入考场情况记录（违纪）。`,
              }
            : {})}
        withMinutes={dialog === 'extend' || dialog === 'raise-cap'}
        {...(dialog === 'extend'
          ? {
              minutesMax: Math.max(1, extendLeft),
              minutesHint: `${t('extensionCap')} ${capMinutes} 分钟，已补 ${extendedMinutes} 分钟，还可补 ${extendLeft} 分钟 (cap ${capMinutes} min, ${extendLeft} left)`,
            }
          : dialog === 'raise-cap'
            ? {
                minutesMax: 600,
                minutesInitial: Math.min(600, capMinutes + 30),
                minutesLabel: `${t('extensionCap')}（分钟）`,
                minutesHint: `本场规则 ${extensionCapMinutes} 分钟；新上限须高于规则且不低于已补的 ${extendedMinutes} 分钟，理由记入审计日志`,
              }
            : {})}
        {...(dialog === 'move'
          ? { rooms: rooms.map((r) => ({ id: r.roomId, name: r.name })) }
          : {})}
        {...(dialog === 'message' ? { reasonLabel: t('message') } : {})}
        onCancel={close}
        onSubmit={submit}
      />
    </Drawer>
  );
}
