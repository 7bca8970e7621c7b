import type {
  AbsentCandidate,
  AttemptProgress,
  AttemptView,
  KioskEventNotice,
  MonitorSnapshot,
  RoomView,
  SessionView,
} from '@skillexam/shared';

/*
 * The console's normalized store of one session: attempts by id (plus their seat order),
 * progress by attempt id, the session, rooms, the absent list and recent kiosk events.
 * `roomReducer` is pure; pushed events (monitor:attempt / monitor:session / monitor:kiosk-event)
 * are collected per animation frame and applied as ONE `batch` action (see frame-batcher.ts).
 */

export const MAX_KIOSK_EVENTS = 200;

export interface RoomState {
  readonly sessionId: string;
  readonly session?: SessionView;
  readonly attempts: Readonly<Record<string, AttemptView>>;
  /** Attempt ids ordered by room, then seat. */
  readonly order: readonly string[];
  readonly progress: Readonly<Record<string, AttemptProgress>>;
  readonly rooms: readonly RoomView[];
  readonly absent: readonly AbsentCandidate[];
  /** Newest first. */
  readonly kioskEvents: readonly KioskEventNotice[];
  /**
   * The latest kiosk report of each kind per candidate, keyed `attemptId|kind`, with its count
   * (docs/decisions/0222): a flood of one kind cannot push another warning out of view.
   */
  readonly latestKioskEvents: Readonly<Record<string, KioskEventNotice>>;
  /** Server clock minus local clock, from the latest server timestamp seen. */
  readonly clockOffsetMs: number;
  /** Incremented on every change, so views can memoize on it. */
  readonly version: number;
}

export type RoomAction =
  | { readonly type: 'snapshot'; readonly snapshot: MonitorSnapshot; readonly receivedAt: number }
  | { readonly type: 'attempt'; readonly attempt: AttemptView; readonly receivedAt: number }
  | { readonly type: 'session'; readonly session: SessionView; readonly receivedAt: number }
  | { readonly type: 'kiosk-event'; readonly notice: KioskEventNotice }
  | { readonly type: 'progress'; readonly progress: readonly AttemptProgress[] }
  | { readonly type: 'batch'; readonly actions: readonly RoomAction[] };

export function initialRoomState(sessionId: string): RoomState {
  return {
    sessionId,
    attempts: {},
    order: [],
    progress: {},
    rooms: [],
    absent: [],
    kioskEvents: [],
    latestKioskEvents: {},
    clockOffsetMs: 0,
    version: 0,
  };
}

const latestKey = (notice: KioskEventNotice): string => `${notice.attemptId}|${notice.kind}`;

/** The latest report of each kind per candidate, newest first. */
export function latestKioskEventList(latest: RoomState['latestKioskEvents']): KioskEventNotice[] {
  return Object.values(latest).sort((a, b) => b.at - a.at);
}

function seatOrder(attempts: Readonly<Record<string, AttemptView>>): string[] {
  return Object.values(attempts)
    .sort((a, b) => (a.roomId === b.roomId ? a.seat - b.seat : a.roomId < b.roomId ? -1 : 1))
    .map((attempt) => attempt.attemptId);
}

/** Applies a list of actions with one copy of each collection touched. */
function applyAll(state: RoomState, actions: readonly RoomAction[]): RoomState {
  let attempts: Record<string, AttemptView> | undefined;
  let progress: Record<string, AttemptProgress> | undefined;
  let reorder = false;
  let session = state.session;
  let rooms = state.rooms;
  let absent = state.absent;
  let kiosk: KioskEventNotice[] | undefined;
  let latest: Record<string, KioskEventNotice> | undefined;
  let order = state.order;
  let offset = state.clockOffsetMs;
  let changed = false;

  const visit = (action: RoomAction): void => {
    switch (action.type) {
      case 'batch':
        action.actions.forEach(visit);
        return;
      case 'snapshot': {
        const { snapshot } = action;
        if (snapshot.session.id !== state.sessionId) return;
        attempts = {};
        for (const attempt of snapshot.attempts) attempts[attempt.attemptId] = attempt;
        progress = {};
        for (const p of snapshot.progress) progress[p.attemptId] = p;
        session = snapshot.session;
        rooms = snapshot.rooms;
        absent = snapshot.absent;
        kiosk = [...snapshot.recentKioskEvents];
        latest = {};
        for (const notice of snapshot.latestKioskEvents) latest[latestKey(notice)] = notice;
        offset = snapshot.session.serverTime - action.receivedAt;
        reorder = true;
        changed = true;
        return;
      }
      case 'attempt': {
        const { attempt } = action;
        if (attempt.sessionId !== state.sessionId) return;
        attempts ??= { ...state.attempts };
        const before = attempts[attempt.attemptId];
        if (
          before === undefined ||
          before.seat !== attempt.seat ||
          before.roomId !== attempt.roomId
        )
          reorder = true;
        attempts[attempt.attemptId] = attempt;
        offset = attempt.serverTime - action.receivedAt;
        changed = true;
        return;
      }
      case 'session':
        if (action.session.id !== state.sessionId) return;
        session = action.session;
        offset = action.session.serverTime - action.receivedAt;
        changed = true;
        return;
      case 'kiosk-event':
        if (action.notice.sessionId !== state.sessionId) return;
        kiosk ??= [...state.kioskEvents];
        kiosk.unshift(action.notice);
        latest ??= { ...state.latestKioskEvents };
        {
          const before = latest[latestKey(action.notice)];
          const count = (before?.count ?? 0) + (action.notice.count ?? 1);
          latest[latestKey(action.notice)] = { ...action.notice, count };
        }
        changed = true;
        return;
      case 'progress':
        progress ??= { ...state.progress };
        for (const p of action.progress) progress[p.attemptId] = p;
        changed = true;
        return;
    }
  };
  actions.forEach(visit);
  if (!changed) return state;
  const nextAttempts = attempts ?? state.attempts;
  if (reorder) order = seatOrder(nextAttempts);
  return {
    sessionId: state.sessionId,
    ...(session === undefined ? {} : { session }),
    attempts: nextAttempts,
    order,
    progress: progress ?? state.progress,
    rooms,
    absent,
    kioskEvents: kiosk === undefined ? state.kioskEvents : kiosk.slice(0, MAX_KIOSK_EVENTS),
    latestKioskEvents: latest ?? state.latestKioskEvents,
    clockOffsetMs: offset,
    version: state.version + 1,
  };
}

export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  return applyAll(state, [action]);
}
