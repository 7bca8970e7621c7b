import { describe, expect, it } from 'vitest';
import { countStatuses } from './counts';
import {
  initialRoomState,
  latestKioskEventList,
  MAX_KIOSK_EVENTS,
  roomReducer,
  type RoomAction,
} from './room-state';
import { attemptView, sessionView, snapshotOf, T0 } from './test-fixtures';

const loaded = (count: number) =>
  roomReducer(initialRoomState('s1'), {
    type: 'snapshot',
    snapshot: snapshotOf(count),
    receivedAt: T0,
  });

describe('roomReducer', () => {
  it('loads a snapshot into attempts by id, in seat order, with the server clock offset', () => {
    const snapshot = snapshotOf(3);
    snapshot.attempts.reverse();
    const state = roomReducer(initialRoomState('s1'), {
      type: 'snapshot',
      snapshot,
      receivedAt: T0 + 50_000,
    });
    expect(state.order).toEqual(['a1', 'a2', 'a3']);
    expect(state.attempts['a2']?.name).toBe('考生2');
    expect(state.progress['a3']?.total).toBe(100);
    expect(state.clockOffsetMs).toBe(10_000);
    expect(state.version).toBe(1);
  });

  it('applies a pushed attempt without touching the others or the order', () => {
    const state = loaded(3);
    const next = roomReducer(state, {
      type: 'attempt',
      attempt: attemptView(2, { status: 'paused', pausedAt: T0 + 70_000 }),
      receivedAt: T0 + 70_000,
    });
    expect(next.attempts['a2']?.status).toBe('paused');
    expect(next.attempts['a1']).toBe(state.attempts['a1']);
    expect(next.order).toBe(state.order);
    expect(next.version).toBe(state.version + 1);
  });

  it('re-sorts when a candidate moves seat, and ignores other sessions', () => {
    const state = loaded(3);
    const moved = roomReducer(state, {
      type: 'attempt',
      attempt: attemptView(1, { seat: 9 }),
      receivedAt: T0,
    });
    expect(moved.order).toEqual(['a2', 'a3', 'a1']);
    const foreign = roomReducer(moved, {
      type: 'attempt',
      attempt: attemptView(7, { sessionId: 's2' }),
      receivedAt: T0,
    });
    expect(foreign).toBe(moved);
    expect(
      roomReducer(moved, { type: 'session', session: sessionView({ id: 's2' }), receivedAt: T0 }),
    ).toBe(moved);
  });

  it('applies a batch of 500 updates as one change, last write wins', () => {
    const state = loaded(500);
    const actions: RoomAction[] = [];
    for (let i = 1; i <= 500; i += 1)
      actions.push({
        type: 'attempt',
        attempt: attemptView(i, { status: 'paused' }),
        receivedAt: T0,
      });
    actions.push({
      type: 'attempt',
      attempt: attemptView(7, { status: 'submitted' }),
      receivedAt: T0,
    });
    const next = roomReducer(state, { type: 'batch', actions });
    expect(next.version).toBe(state.version + 1);
    const counts = countStatuses(Object.values(next.attempts), next.progress, T0);
    expect(counts.paused).toBe(499);
    expect(counts.submitted).toBe(1);
    expect(next.order).toBe(state.order);
  });

  it('keeps the newest kiosk events first, bounded', () => {
    let state = loaded(1);
    for (let i = 0; i < MAX_KIOSK_EVENTS + 5; i += 1) {
      state = roomReducer(state, {
        type: 'kiosk-event',
        notice: { attemptId: 'a1', sessionId: 's1', kind: 'focus_lost', detail: String(i), at: i },
      });
    }
    expect(state.kioskEvents).toHaveLength(MAX_KIOSK_EVENTS);
    expect(state.kioskEvents[0]?.detail).toBe(String(MAX_KIOSK_EVENTS + 4));
  });

  it('keeps the latest report of each kind per candidate, so a flood buries none', () => {
    let state = roomReducer(initialRoomState('s1'), {
      type: 'snapshot',
      snapshot: snapshotOf(2, {
        latestKioskEvents: [
          {
            attemptId: 'a2',
            sessionId: 's1',
            kind: 'remote_tool_found',
            detail: 'TeamViewer.exe',
            at: T0,
            count: 1,
          },
        ],
      }),
      receivedAt: T0,
    });
    for (let i = 0; i < MAX_KIOSK_EVENTS + 5; i += 1) {
      state = roomReducer(state, {
        type: 'kiosk-event',
        notice: { attemptId: 'a1', sessionId: 's1', kind: 'focus_lost', detail: '', at: T0 + i },
      });
    }
    expect(state.kioskEvents.some((e) => e.attemptId === 'a2')).toBe(false);
    expect(latestKioskEventList(state.latestKioskEvents)).toEqual([
      expect.objectContaining({ attemptId: 'a1', kind: 'focus_lost', count: MAX_KIOSK_EVENTS + 5 }),
      expect.objectContaining({ attemptId: 'a2', kind: 'remote_tool_found', count: 1 }),
    ]);
  });

  it('merges progress updates and keeps the session view current', () => {
    const state = roomReducer(loaded(2), {
      type: 'progress',
      progress: [{ attemptId: 'a2', answered: 40, total: 100, online: false }],
    });
    expect(state.progress['a2']?.answered).toBe(40);
    expect(state.progress['a1']?.answered).toBe(0);
    const paused = roomReducer(state, {
      type: 'session',
      session: sessionView({ status: 'paused', serverTime: T0 + 5_000 }),
      receivedAt: T0,
    });
    expect(paused.session?.status).toBe('paused');
    expect(paused.clockOffsetMs).toBe(5_000);
  });
});

describe('countStatuses', () => {
  it('counts every state of the dashboard, offline on top of the status', () => {
    const attempts = [
      attemptView(1, { status: 'registered', lastHeartbeatAt: undefined }),
      attemptView(2, { status: 'logged_in', identityConfirmed: false }),
      attemptView(3, { status: 'logged_in', identityConfirmed: true }),
      attemptView(4, { status: 'admitted' }),
      attemptView(5, { status: 'in_progress', lastHeartbeatAt: T0 }),
      attemptView(6, { status: 'paused' }),
      attemptView(7, { status: 'submitted' }),
      attemptView(8, { status: 'force_submitted' }),
      attemptView(9, { status: 'absent' }),
      attemptView(10, { status: 'voided' }),
    ];
    const progress = {
      a5: { attemptId: 'a5', answered: 3, total: 10, online: false },
      a6: { attemptId: 'a6', answered: 3, total: 10, online: true },
    };
    // a5: server says offline and its last heartbeat is 60 s old
    expect(countStatuses(attempts, progress, T0 + 60_000)).toEqual({
      notLoggedIn: 1,
      loggedIn: 1,
      awaitingAdmission: 1,
      admitted: 1,
      inProgress: 1,
      paused: 1,
      offline: 1,
      submitted: 2,
      absent: 1,
      voided: 1,
    });
  });
});
