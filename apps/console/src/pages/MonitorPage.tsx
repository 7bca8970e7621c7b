import {
  Alert,
  Card,
  Col,
  Empty,
  List,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { AttemptView } from '@skillexam/shared';
import { useCallback, useMemo, useRef, useState } from 'react';
import { CandidatePanel } from '../components/CandidatePanel';
import { CandidateTable } from '../components/CandidateTable';
import { SeatLegend, SeatMap } from '../components/SeatMap';
import { SessionActions } from '../components/SessionActions';
import { useConsole } from '../console-context';
import { formatClock, formatDuration, sessionStatusLabel } from '../format/format';
import { layoutForRoom } from '../seatmap/seat-grid';
import { countStatuses, type StatusCounts } from '../store/counts';
import { latestKioskEventList } from '../store/room-state';
import { useRoomStore, useServerNow } from '../store/use-room-store';

const COUNT_TILES: readonly { key: keyof StatusCounts; label: string; color: string }[] = [
  { key: 'notLoggedIn', label: '未登录', color: '#8c8c8c' },
  { key: 'loggedIn', label: '已登录', color: '#1677ff' },
  { key: 'awaitingAdmission', label: '待审核', color: '#2f54eb' },
  { key: 'inProgress', label: '作答中', color: '#389e0d' },
  { key: 'paused', label: '暂停', color: '#d48806' },
  { key: 'offline', label: '离线', color: '#cf1322' },
  { key: 'submitted', label: '已交卷', color: '#722ed1' },
];

const KIOSK_LABELS: Readonly<Record<string, string>> = {
  focus_lost: '窗口失去焦点',
  focus_regained: '窗口恢复焦点',
  display_changed: '显示器变化',
  vm_suspected: '疑似虚拟机',
  remote_tool_found: '发现远程控制软件',
  client_restarted: '客户端重启',
  server_cert_mismatch: '考点服务器证书不符',
  answer_rejected: '答案被服务器拒收',
};

const TONE_LABELS = {
  empty: '空座',
  idle: '未登录',
  waiting: '已登录/待准入',
  active: '作答中',
  paused: '暂停',
  offline: '离线',
  done: '已交卷',
  voided: '作废',
} as const;

/** Session time left: the latest deadline of the session (start + duration + pauses). */
function sessionTimeLeft(attempts: readonly AttemptView[], serverNow: number): number | undefined {
  let latest: number | undefined;
  for (const a of attempts) {
    if (a.deadlineAt === undefined) continue;
    const left = a.pausedAt === undefined ? a.deadlineAt - serverNow : a.deadlineAt - a.serverTime;
    latest = latest === undefined ? left : Math.max(latest, left);
  }
  return latest === undefined ? undefined : Math.max(0, latest);
}

export function MonitorPage({ sessionId }: { sessionId: string }) {
  const { connection, t, lang } = useConsole();
  const { state, error } = useRoomStore(connection, sessionId);
  const serverNow = useServerNow(state.clockOffsetMs);
  const [view, setView] = useState<'map' | 'table'>('map');
  const [selected, setSelected] = useState<string | undefined>();
  const onSelect = useCallback((attemptId: string) => setSelected(attemptId), []);

  const attempts = useMemo(
    () => state.order.flatMap((id) => state.attempts[id] ?? []),
    [state.order, state.attempts],
  );
  const absentIds = useMemo(() => new Set(state.absent.map((a) => a.attemptId)), [state.absent]);
  const counts = useMemo(
    () => countStatuses(attempts, state.progress, serverNow, absentIds),
    [attempts, state.progress, serverNow, absentIds],
  );
  const roomIds = useMemo(() => {
    const ids = state.rooms.map((r) => r.roomId);
    for (const a of attempts) if (!ids.includes(a.roomId)) ids.push(a.roomId);
    return ids;
  }, [state.rooms, attempts]);
  const [roomChoice, setRoomChoice] = useState<string | undefined>();
  const roomId = roomChoice !== undefined && roomIds.includes(roomChoice) ? roomChoice : roomIds[0];
  const roomAttempts = useMemo(
    () => attempts.filter((a) => a.roomId === roomId),
    [attempts, roomId],
  );
  const bySeat = useMemo(() => new Map(roomAttempts.map((a) => [a.seat, a])), [roomAttempts]);
  const saveRejected = useMemo(
    () =>
      new Set(
        state.kioskEvents.filter((e) => e.kind === 'answer_rejected').map((e) => e.attemptId),
      ),
    [state.kioskEvents],
  );
  const room = state.rooms.find((r) => r.roomId === roomId);
  const layout = useMemo(() => layoutForRoom(room, roomAttempts), [room, roomAttempts]);
  const session = state.session;
  const selectedAttempt = selected === undefined ? undefined : state.attempts[selected];
  const timeLeft = sessionTimeLeft(attempts, serverNow);

  const timeLeftSeconds = timeLeft === undefined ? undefined : Math.ceil(timeLeft / 1000);
  const countsKey = JSON.stringify(counts);
  const attemptsRef = useRef(state.attempts);
  attemptsRef.current = state.attempts;

  // A batch of pushes changes attempts; the parts below change rarely. Memoized elements let
  // React skip them, so a batch costs the seat map (or table) and little else.
  const header = useMemo(
    () =>
      session === undefined ? null : (
        <Card size="small">
          <Row gutter={16} align="middle">
            <Col flex="auto">
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="session-title">
                {session.name}{' '}
                <Tag
                  color={
                    session.status === 'running'
                      ? 'green'
                      : session.status === 'paused'
                        ? 'gold'
                        : 'blue'
                  }
                  data-testid="session-status"
                >
                  {sessionStatusLabel(session.status, lang)}
                </Tag>
              </Typography.Title>
              <Typography.Text type="secondary">
                {session.id} · {t('scheduledStart')} {formatClock(session.scheduledStart)} ·{' '}
                {session.durationMinutes} {t('minutes')}
              </Typography.Text>
            </Col>
            <Col>
              <Statistic
                title={t('timeLeft')}
                value={timeLeftSeconds === undefined ? '—' : formatDuration(timeLeftSeconds * 1000)}
                styles={{
                  content: {
                    fontVariantNumeric: 'tabular-nums',
                    color: session.status === 'paused' ? '#d48806' : undefined,
                  },
                }}
              />
            </Col>
            <Col>
              <SessionActions session={session} waitingForAdmission={counts.awaitingAdmission} />
            </Col>
          </Row>
        </Card>
      ),
    // counts is represented by countsKey
    [session, timeLeftSeconds, lang, t, counts.awaitingAdmission],
  );

  const countTiles = useMemo(
    () => (
      <Row gutter={[12, 12]} data-testid="status-counts">
        {COUNT_TILES.map((tile) => (
          <Col key={tile.key} flex="1 1 120px">
            <Card size="small" styles={{ body: { padding: '10px 14px' } }}>
              <Statistic
                title={tile.label}
                value={counts[tile.key]}
                styles={{ content: { color: tile.color, fontSize: 26 } }}
                data-testid={`count-${tile.key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
    ),
    // counts is a new object on every render; its JSON says whether anything changed
    [countsKey],
  );

  const roomOptions = useMemo(
    () =>
      roomIds.map((id) => ({
        value: id,
        label: state.rooms.find((r) => r.roomId === id)?.name ?? id,
      })),
    [roomIds, state.rooms],
  );
  const toolbar = useMemo(
    () => (
      <Space>
        <Segmented
          value={view}
          onChange={(value) => setView(value === 'table' ? 'table' : 'map')}
          options={[
            { value: 'map', label: t('seatMap') },
            { value: 'table', label: t('table') },
          ]}
        />
        {view === 'map' && roomOptions.length > 1 && (
          <Segmented
            value={roomId ?? ''}
            onChange={(value) => setRoomChoice(String(value))}
            options={roomOptions}
          />
        )}
      </Space>
    ),
    [view, roomId, roomOptions, t],
  );
  const legend = useMemo(() => <SeatLegend labels={TONE_LABELS} />, []);

  const latestEvents = useMemo(
    () => latestKioskEventList(state.latestKioskEvents),
    [state.latestKioskEvents],
  );
  const side = useMemo(
    () => (
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Tabs
          size="small"
          tabBarStyle={{ paddingInline: 12, marginBottom: 0 }}
          items={[
            {
              // the latest report of each kind per candidate: a flood buries none (0222)
              key: 'latest',
              label: `${t('latestEvents')} (${latestEvents.length})`,
              children: (
                <List
                  size="small"
                  data-testid="latest-kiosk-events"
                  style={{ maxHeight: 560, overflow: 'auto' }}
                  dataSource={latestEvents}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
                  renderItem={(event) => {
                    const a = attemptsRef.current[event.attemptId];
                    return (
                      <List.Item
                        style={{ cursor: 'pointer', paddingInline: 12 }}
                        onClick={() => setSelected(event.attemptId)}
                      >
                        <span>
                          <b>{formatClock(event.at)}</b> {a?.seat ?? ''}{' '}
                          {a?.name ?? event.attemptId}{' '}
                          <Tag color="red">{KIOSK_LABELS[event.kind] ?? event.kind}</Tag>
                          {(event.count ?? 1) > 1 && <Tag>×{event.count}</Tag>}
                        </span>
                      </List.Item>
                    );
                  }}
                />
              ),
            },
            {
              key: 'events',
              label: `${t('recentEvents')} (${state.kioskEvents.length})`,
              children: (
                <List
                  size="small"
                  style={{ maxHeight: 560, overflow: 'auto' }}
                  dataSource={state.kioskEvents.slice(0, 100)}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
                  renderItem={(event) => {
                    const a = attemptsRef.current[event.attemptId];
                    return (
                      <List.Item
                        style={{ cursor: 'pointer', paddingInline: 12 }}
                        onClick={() => setSelected(event.attemptId)}
                      >
                        <span>
                          <b>{formatClock(event.at)}</b> {a?.seat ?? ''}{' '}
                          {a?.name ?? event.attemptId}{' '}
                          <Tag color="red">{KIOSK_LABELS[event.kind] ?? event.kind}</Tag>
                        </span>
                      </List.Item>
                    );
                  }}
                />
              ),
            },
            {
              key: 'absent',
              label: `${t('absentList')} (${state.absent.length})`,
              children: (
                <Table
                  size="small"
                  data-testid="absent-list"
                  rowKey="attemptId"
                  pagination={false}
                  scroll={{ y: 520 }}
                  dataSource={[...state.absent]}
                  locale={{ emptyText: '考生登录截止后显示缺考名单' }}
                  columns={[
                    { title: t('seat'), dataIndex: 'seat', width: 60 },
                    { title: t('ticket'), dataIndex: 'admissionTicketNumber' },
                    { title: t('name'), dataIndex: 'name', width: 80 },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    ),
    [state.kioskEvents, latestEvents, state.absent, t],
  );

  if (session === undefined)
    return error === undefined ? <Card loading /> : <Alert type="error" showIcon title={error} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {header}
      {error !== undefined && <Alert type="warning" showIcon title={error} />}
      {countTiles}
      <Row gutter={16} wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Card size="small" title={toolbar} extra={view === 'map' ? legend : undefined}>
            {view === 'map' ? (
              <SeatMap
                layout={layout}
                bySeat={bySeat}
                progress={state.progress}
                serverNow={serverNow}
                saveRejected={saveRejected}
                height={560}
                onSelect={onSelect}
              />
            ) : (
              <CandidateTable
                attempts={attempts}
                progress={state.progress}
                serverNow={serverNow}
                height={520}
                onSelect={onSelect}
              />
            )}
          </Card>
        </Col>
        <Col flex="340px">{side}</Col>
      </Row>
      {selectedAttempt !== undefined && (
        <CandidatePanel
          attempt={selectedAttempt}
          progress={state.progress[selectedAttempt.attemptId]}
          rooms={state.rooms}
          serverNow={serverNow}
          extensionCapMinutes={session.rules.extensionCapMinutes}
          saveRejection={state.kioskEvents.find(
            (e) => e.attemptId === selectedAttempt.attemptId && e.kind === 'answer_rejected',
          )}
          onClose={() => setSelected(undefined)}
        />
      )}
    </Space>
  );
}
