import type { Migration } from './runner';
import { migrate0010 } from './0010-staff-and-auth';
import { migrate0020 } from './0020-exams-and-sessions';
import { migrate0030 } from './0030-answers';
import { migrate0040 } from './0040-audit';
import { migrate0050 } from './0050-packages-and-photos';
import { migrate0060 } from './0060-manual-marks';
import { migrate0070 } from './0070-content-release-and-rooms';
import { migrate0080 } from './0080-incidents-and-proctors';
import { migrate0090 } from './0090-keys-out-of-database';
import { migrate0100 } from './0100-kiosks-and-exit-grants';
import { migrate0110 } from './0110-kiosk-event-coalescing-and-extension-cap';
import { migrate0140 } from './0140-kiosk-public-keys';
import { migrate0150 } from './0150-kiosk-bound-tokens';
import { migrate0160 } from './0160-candidate-accommodations';
import { migrate0170 } from './0170-session-supervisors';
import { migrate0180 } from './0180-candidate-withdrawals';
import { migrate0190 } from './0190-site-settings';

/** Every schema step, in order; bundled statically (no folder is read at runtime). */
export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'staff-and-auth', up: migrate0010 },
  { version: 20, name: 'exams-and-sessions', up: migrate0020 },
  { version: 30, name: 'answers', up: migrate0030 },
  { version: 40, name: 'audit', up: migrate0040 },
  { version: 50, name: 'packages-and-photos', up: migrate0050 },
  { version: 60, name: 'manual-marks', up: migrate0060 },
  { version: 70, name: 'content-release-and-rooms', up: migrate0070 },
  { version: 80, name: 'incidents-and-proctors', up: migrate0080 },
  { version: 90, name: 'keys-out-of-database', up: migrate0090 },
  { version: 100, name: 'kiosks-and-exit-grants', up: migrate0100 },
  { version: 110, name: 'kiosk-event-coalescing-and-extension-cap', up: migrate0110 },
  { version: 140, name: 'kiosk-public-keys', up: migrate0140 },
  { version: 150, name: 'kiosk-bound-tokens', up: migrate0150 },
  { version: 160, name: 'candidate-accommodations', up: migrate0160 },
  { version: 170, name: 'session-supervisors', up: migrate0170 },
  { version: 180, name: 'candidate-withdrawals', up: migrate0180 },
  { version: 190, name: 'site-settings', up: migrate0190 },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
