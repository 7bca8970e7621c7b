import type { Logger } from 'pino';

/** Everything the application needs from the outside world, injected by index.ts or tests. */
export interface Components {
  readonly version: string;
  /** Milliseconds since epoch; injected so tests can control time. */
  readonly now: () => number;
  readonly logger: Logger;
}
