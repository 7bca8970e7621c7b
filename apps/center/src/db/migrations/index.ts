import type { CenterMigration } from '../migration';
import { migration as m0010 } from './0010-staff';
import { migration as m0020 } from './0020-staff-tokens';
import { migration as m0030 } from './0030-organisations';
import { migration as m0040 } from './0040-audit-log';
import { migration as m0050 } from './0050-login-failures';
import { migration as m0060 } from './0060-login-address-failures';
import { migration as m0100 } from './0100-sites';
import { migration as m0110 } from './0110-result-packages';
import { migration as m0120 } from './0120-theory-results';
import { migration as m0130 } from './0130-exam-papers';
import { migration as m0140 } from './0140-site-chain-alerts';
import { migration as m0200 } from './0200-certificate-ranges';
import { migration as m0210 } from './0210-certificates';
import { migration as m0220 } from './0220-certificate-lookup-key';
import { migration as m0300 } from './0300-batches';

/*
 * Every migration of the centre, in version order. Ranges: foundation 0010–0090, ingest
 * 0100–0190, certificates 0200–0290, batches and supervision 0300–0390 (docs/center.md).
 */
export const MIGRATIONS: readonly CenterMigration[] = [
  m0010,
  m0020,
  m0030,
  m0040,
  m0050,
  m0060,
  m0100,
  m0110,
  m0120,
  m0130,
  m0140,
  m0200,
  m0210,
  m0220,
  m0300,
];
