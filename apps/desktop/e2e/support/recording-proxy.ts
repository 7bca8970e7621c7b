import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between the kiosk host and the proctor server that keeps every byte the server
 * sent: what crossed "the wire". socket.io's server→client WebSocket frames are not masked
 * (and the server does not compress them), so JSON in them appears verbatim in the bytes.
 */
export interface RecordingProxy {
  readonly url: string;
  /** Everything the server sent so far, per connection, decoded as UTF-8. */
  fromServer(): string;
  /** Stops listening and cuts every open connection. */
  close(): Promise<void>;
}

export async function startRecordingProxy(upstreamPort: number): Promise<RecordingProxy> {
  const connections: Buffer[][] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const received: Buffer[] = [];
    connections.push(received);
    const upstream = createConnection({ host: '127.0.0.1', port: upstreamPort });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.on('data', (chunk: Buffer) => received.push(Buffer.from(chunk)));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    fromServer: () => connections.map((c) => Buffer.concat(c).toString('utf8')).join('\n'),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
