import { createCenterServer } from '../server/center-server';
import { openStore, describeStore, type StoreFlags } from './store-options';
import { migrate } from '../db/migrate';
import { pruneLoginFailures } from '../auth/token-repository';
import { LOGIN_BACKOFF } from '../auth/login-backoff';

/*
 * `center serve`: migrates the store, listens, and prints one JSON line
 * `{"event":"listening","url":…}` on stdout (npm start waits for it). SIGINT/SIGTERM close the
 * server and the store (releasing an embedded store's lock).
 */

export interface ServeFlags extends StoreFlags {
  readonly port: string;
  readonly host: string;
  readonly publicUrl?: string;
}

export async function serve(flags: ServeFlags): Promise<void> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    const { InvalidInputError } = await import('@skillexam/shared');
    throw new InvalidInputError(`--port: 应为 0–65535 的整数 (a port number), got ${flags.port}`);
  }
  const db = await openStore(flags);
  try {
    const { applied } = await migrate(db);
    if (applied.length > 0) console.error(`已应用迁移 (migrations applied): ${applied.join(', ')}`);
    await db.transaction((tx) =>
      pruneLoginFailures(tx, new Date(Date.now() - LOGIN_BACKOFF.forgetAfterMs)),
    );
  } catch (error) {
    await db.close();
    throw error;
  }
  const server = createCenterServer({
    db,
    ...(flags.publicUrl === undefined ? {} : { publicBaseUrl: flags.publicUrl }),
  });
  const url = await server.listen(port, flags.host);
  console.log(JSON.stringify({ event: 'listening', url, store: describeStore(flags) }));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server
      .close()
      .finally(() => db.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
