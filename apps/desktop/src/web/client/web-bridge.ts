import {
  HostEventSchema,
  createDesktopApi,
  type DesktopApi,
  type HostEvent,
  type WireReply,
} from '@skillexam/shared';
import {
  BRIDGE_PATH,
  BridgePushSchema,
  BridgeReplySchema,
  type BridgeRequest,
} from '../bridge-protocol';

interface Pending {
  resolve(reply: WireReply): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const CALL_TIMEOUT_MS = 30_000;

/**
 * A long operation (an import, an assembly) names an `operationId`: it reports progress pushes
 * and can be cancelled, so its reply is awaited without a time limit (a closed connection still
 * fails it). Every other call gives up after CALL_TIMEOUT_MS.
 */
function isLongOperation(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'operationId' in input;
}

/**
 * `window.desktop` for browsers: every call travels over a WebSocket to the web shell,
 * which dispatches it to the same host handlers Electron's main process uses.
 * Reconnects on demand; calls made while disconnected wait for the socket to open.
 */
export function createWebBridge(baseUrl: string): DesktopApi {
  const url = new URL(BRIDGE_PATH, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let opened: Promise<WebSocket> | undefined;
  const listeners = new Set<(event: HostEvent) => void>();

  const failAll = (message: string) => {
    for (const [id, call] of pending) {
      clearTimeout(call.timer);
      call.resolve({ ok: false, error: { code: 'UNAVAILABLE', message } });
      pending.delete(id);
    }
  };

  const connect = (): Promise<WebSocket> => {
    if (opened !== undefined && socket?.readyState === WebSocket.OPEN) return opened;
    opened = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      socket = ws;
      ws.addEventListener('open', () => resolve(ws));
      ws.addEventListener('error', () => reject(new Error('Cannot reach the desktop host')));
      ws.addEventListener('close', () => {
        opened = undefined;
        failAll('Connection to the desktop host closed');
      });
      ws.addEventListener('message', (event) => {
        const message: unknown = JSON.parse(String(event.data));
        const push = BridgePushSchema.safeParse(message);
        if (push.success) {
          const hostEvent = HostEventSchema.safeParse(push.data.event);
          if (hostEvent.success) for (const listener of listeners) listener(hostEvent.data);
          return;
        }
        const parsed = BridgeReplySchema.safeParse(message);
        if (!parsed.success) return;
        const call = pending.get(parsed.data.id);
        if (call === undefined) return;
        pending.delete(parsed.data.id);
        clearTimeout(call.timer);
        call.resolve(parsed.data.reply);
      });
    });
    return opened;
  };

  return createDesktopApi({
    transport: 'web-socket',
    async send(channel, input) {
      const ws = await connect();
      const id = nextId++;
      return new Promise<WireReply>((resolve) => {
        const timer = isLongOperation(input)
          ? undefined
          : setTimeout(() => {
              pending.delete(id);
              resolve({
                ok: false,
                error: { code: 'UNAVAILABLE', message: `${channel} timed out` },
              });
            }, CALL_TIMEOUT_MS);
        pending.set(id, { resolve, timer });
        const request: BridgeRequest = { id, channel, input };
        ws.send(JSON.stringify(request));
      });
    },
    subscribe(listener: (event: HostEvent) => void) {
      listeners.add(listener);
      void connect().catch(() => undefined); // pushes need an open socket
      return () => listeners.delete(listener);
    },
  });
}
