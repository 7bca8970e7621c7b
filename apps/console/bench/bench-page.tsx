import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { defaultSeatLayout, type AttemptStatus, type AttemptView } from '@skillexam/shared';
import { createRoot } from 'react-dom/client';
import type { ConsoleConnection, ConsoleSocket } from '../src/api/console-client';
import { ConsoleContext, translator } from '../src/console-context';
import { MonitorPage } from '../src/pages/MonitorPage';
import { attemptView, snapshotOf, T0 } from '../src/store/test-fixtures';

/*
 * The benchmark page: the real MonitorPage (store, frame batcher, seat map, table) on a
 * 500-candidate room, fed by a fake socket. `window.consoleBench.runBatch()` emits 500
 * monitor:attempt pushes and reports how long the batch took to apply and render.
 */

const CANDIDATES = 500;
type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

const socket = {
  connected: true,
  on(event: string, listener: Listener) {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return socket;
  },
  off(event: string, listener: Listener) {
    listeners.get(event)?.delete(listener);
    return socket;
  },
};

function emit(event: string, payload: unknown): void {
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

const snapshot = snapshotOf(CANDIDATES, {
  rooms: [
    {
      roomId: 'r1',
      name: '第一考场',
      seatCount: CANDIDATES,
      layout: defaultSeatLayout(CANDIDATES, 10),
    },
  ],
});
const connection: ConsoleConnection = {
  socket: socket as unknown as ConsoleSocket,
  call: ((event: string): Promise<unknown> =>
    event === 'monitor:snapshot'
      ? Promise.resolve(snapshot)
      : Promise.reject(
          new Error(`bench: ${event} not served`),
        )) as unknown as ConsoleConnection['call'],
  close: () => undefined,
};

// The first animation frame after the pushes is when the batcher flushes.
let flushStartedAt = 0;
const nativeRaf = window.requestAnimationFrame.bind(window);
window.requestAnimationFrame = (callback) =>
  nativeRaf((time) => {
    if (flushStartedAt === 0) flushStartedAt = performance.now();
    callback(time);
  });

let lastMutationAt = 0;
new MutationObserver(() => {
  lastMutationAt = performance.now();
}).observe(document.body, {
  subtree: true,
  childList: true,
  attributes: true,
  characterData: true,
});

const STATUSES: readonly AttemptStatus[] = [
  'in_progress',
  'paused',
  'submitted',
  'in_progress',
  'logged_in',
];

const nextFrame = () => new Promise<void>((resolve) => nativeRaf(() => resolve()));

async function runBatch(
  round: number,
): Promise<{ emitMs: number; renderMs: number; totalMs: number }> {
  await nextFrame();
  flushStartedAt = 0;
  lastMutationAt = 0;
  const started = performance.now();
  for (let i = 1; i <= CANDIDATES; i += 1) {
    const status = STATUSES[(i + round) % STATUSES.length] ?? 'in_progress';
    const update: AttemptView = attemptView(i, {
      roomId: 'r1',
      status,
      ackedSeq: round,
      serverTime: T0 + 60_000 + round,
      ...(status === 'paused' ? { pausedAt: T0 + 60_000 } : {}),
    });
    emit('monitor:attempt', update);
  }
  const emitted = performance.now();
  // Wait until the batch has been flushed, rendered and the DOM has settled.
  for (let i = 0; i < 20 && (flushStartedAt === 0 || lastMutationAt < flushStartedAt); i += 1)
    await new Promise((resolve) => setTimeout(resolve, 5));
  await nextFrame();
  await nextFrame();
  const renderMs = lastMutationAt - flushStartedAt;
  return { emitMs: emitted - started, renderMs, totalMs: emitted - started + renderMs };
}

declare global {
  interface Window {
    consoleBench?: { runBatch: typeof runBatch; rendered: () => number };
  }
}
window.consoleBench = {
  runBatch,
  rendered: () => document.querySelectorAll('[data-seat]').length,
};

const root = document.getElementById('root');
if (root === null) throw new Error('#root missing');
createRoot(root).render(
  <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
    <AntApp>
      <ConsoleContext.Provider
        value={{
          connection,
          login: { token: 'bench', expiresAt: T0 + 3_600_000, role: 'proctor', username: 'bench' },
          lang: 'zh-CN',
          t: translator('zh-CN'),
        }}
      >
        <MonitorPage sessionId="s1" />
      </ConsoleContext.Provider>
    </AntApp>
  </ConfigProvider>,
);
