import type { Logger } from 'pino';
import type { PasswordHasher } from './auth/password-hasher';
import type { Store } from './db/store';
import type { ServerSettings } from './settings';

/** Everything the application needs from the outside world, injected by index.ts or tests. */
export interface Components {
  readonly version: string;
  /** Milliseconds since epoch; injected so tests can control time. */
  readonly now: () => number;
  readonly logger: Logger;
  /** The server database (`server.db` in the data directory, or `:memory:` in tests). */
  readonly store: Store;
  readonly hasher: PasswordHasher;
  readonly settings: ServerSettings;
}
