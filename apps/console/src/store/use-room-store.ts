import { errorMessage } from '@skillexam/shared';
import type { AttemptView, KioskEventNotice, SessionView } from '@skillexam/shared';
import { useEffect, useReducer, useState } from 'react';
import type { ConsoleConnection } from '../api/console-client';
import { createFrameBatcher } from './frame-batcher';
import { initialRoomState, roomReducer, type RoomAction, type RoomState } from './room-state';

/** Progress (answered / total, online) comes with the snapshot; refreshed on this period. */
export const SNAPSHOT_REFRESH_MS = 5_000;

/**
 * The live store of one session: a monitor:snapshot, then every push applied through the
 * frame batcher (one reducer pass and one render per animation frame, however many pushes).
 */
export function useRoomStore(
  connection: ConsoleConnection,
  sessionId: string,
): { state: RoomState; error: string | undefined; refresh: () => void } {
  const [state, dispatch] = useReducer(roomReducer, sessionId, initialRoomState);
  const [error, setError] = useState<string | undefined>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const batcher = createFrameBatcher<RoomAction>(
      (actions) => dispatch({ type: 'batch', actions }),
      (flush) => requestAnimationFrame(flush),
    );
    const onAttempt = (attempt: AttemptView) =>
      batcher.push({ type: 'attempt', attempt, receivedAt: Date.now() });
    const onSession = (session: SessionView) =>
      batcher.push({ type: 'session', session, receivedAt: Date.now() });
    const onKiosk = (notice: KioskEventNotice) => batcher.push({ type: 'kiosk-event', notice });
    const { socket } = connection;
    socket.on('monitor:attempt', onAttempt);
    socket.on('monitor:session', onSession);
    socket.on('monitor:kiosk-event', onKiosk);

    let live = true;
    const load = () => {
      connection.call('monitor:snapshot', { sessionId }).then(
        (snapshot) => {
          if (!live) return;
          batcher.push({ type: 'snapshot', snapshot, receivedAt: Date.now() });
          setError(undefined);
        },
        (err: unknown) => {
          if (live) setError(errorMessage(err));
        },
      );
    };
    load();
    const timer = setInterval(load, SNAPSHOT_REFRESH_MS);
    socket.on('connect', load); // a reconnect may have missed pushes
    return () => {
      live = false;
      clearInterval(timer);
      socket.off('monitor:attempt', onAttempt);
      socket.off('monitor:session', onSession);
      socket.off('monitor:kiosk-event', onKiosk);
      socket.off('connect', load);
    };
  }, [connection, sessionId, tick]);

  return { state, error, refresh: () => setTick((n) => n + 1) };
}

/** The server clock now, re-read every second (for countdowns). */
export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 1_000);
    return () => clearInterval(timer);
  }, [offsetMs]);
  return now;
}
