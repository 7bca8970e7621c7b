import { Alert, Card, Col, Row, Space } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { CandidatePanel } from '../components/CandidatePanel';
import { CandidateTable } from '../components/CandidateTable';
import { SeatLegend, SeatMap } from '../components/SeatMap';
import { useConsole } from '../console-context';
import { layoutForRoom } from '../seatmap/seat-grid';
import { countStatuses } from '../store/counts';
import { latestKioskEventList } from '../store/room-state';
import { useRoomStore, useServerNow } from '../store/use-room-store';
import { toneLabels } from './monitor/monitor-labels';
import { monitorText } from './monitor/monitor-messages';
import { MonitorSidePanel } from './monitor/MonitorSidePanel';
import { MonitorToolbar, type MonitorView } from './monitor/MonitorToolbar';
import { sessionTimeLeft } from './monitor/session-time-left';
import { SessionHeader } from './monitor/SessionHeader';
import { StatusCountTiles } from './monitor/StatusCountTiles';

export function MonitorPage({ sessionId }: { sessionId: string }) {
  const { connection, lang } = useConsole();
  const { state, error } = useRoomStore(connection, sessionId);
  const serverNow = useServerNow(state.clockOffsetMs);
  const [view, setView] = useState<MonitorView>('map');
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
        <SessionHeader
          session={session}
          timeLeftSeconds={timeLeftSeconds}
          waitingForAdmission={counts.awaitingAdmission}
        />
      ),
    [session, timeLeftSeconds, counts.awaitingAdmission],
  );

  const countTiles = useMemo(
    () => <StatusCountTiles counts={counts} />,
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
      <MonitorToolbar
        view={view}
        onView={setView}
        roomId={roomId}
        roomOptions={roomOptions}
        onRoom={setRoomChoice}
      />
    ),
    [view, roomId, roomOptions],
  );
  const legend = useMemo(() => <SeatLegend labels={toneLabels(monitorText(lang))} />, [lang]);

  const latestEvents = useMemo(
    () => latestKioskEventList(state.latestKioskEvents),
    [state.latestKioskEvents],
  );
  const side = useMemo(
    () => (
      <MonitorSidePanel
        latestEvents={latestEvents}
        kioskEvents={state.kioskEvents}
        absent={state.absent}
        attempts={attemptsRef}
        onSelect={setSelected}
      />
    ),
    [state.kioskEvents, latestEvents, state.absent],
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
          <Card size="small" title={toolbar}>
            {view === 'map' && legend}
            {view === 'map' ? (
              <SeatMap
                layout={layout}
                bySeat={bySeat}
                progress={state.progress}
                serverNow={serverNow}
                saveRejected={saveRejected}
                absent={absentIds}
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
