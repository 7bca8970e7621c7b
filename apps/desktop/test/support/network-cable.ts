import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP hop between one exam PC and the proctor server whose "cable" can be pulled: `unplug()`
 * cuts every open connection and refuses new ones until `plugIn()`. Bytes pass unchanged (TLS
 * included), so the PC still sees the real server and its certificate.
 */
export interface NetworkCable {
  /** The server's URL with this hop's port. */
  readonly url: string;
  unplug(): void;
  plugIn(): void;
  close(): Promise<void>;
}

export async function startNetworkCable(serverUrl: string): Promise<NetworkCable> {
  const upstream = new URL(serverUrl);
  const sockets = new Set<Socket>();
  let plugged = true;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server: Server = createServer((client) => {
    if (!plugged) {
      client.destroy();
      return;
    }
    const remote = createConnection({ host: upstream.hostname, port: Number(upstream.port) });
    for (const socket of [client, remote]) {
      track(socket);
      socket.on('error', () => {
        client.destroy();
        remote.destroy();
      });
    }
    client.pipe(remote);
    remote.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = new URL(serverUrl);
  url.port = String(port);
  return {
    url: url.origin,
    unplug() {
      plugged = false;
      for (const socket of sockets) socket.destroy();
    },
    plugIn() {
      plugged = true;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
