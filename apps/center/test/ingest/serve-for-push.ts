import { readFileSync } from 'node:fs';
import { openCenterDb } from '../../src/db/open-center-db';
import { migrate } from '../../src/db/migrate';
import { createCenterServer } from '../../src/server/center-server';
import { createPgAuditLog } from '../../src/audit/pg-audit-log';
import { enrolSite } from '../../src/sites/enrol-site';
import { ingestRowCounts } from '../../src/ingest/ingest-repository';
import { addOrganisation, admin } from './ingest-fixtures';

/*
 * A real centre for the site-push end-to-end test, run as its own process (the proctor server's
 * test spawns it: an app's code never imports another app's). In-memory store, one organisation,
 * the site enrolled with the given public key and name, the real server on a free port.
 * Prints one JSON line `{ url, siteId }`; a line `counts` on stdin prints the ingest row counts;
 * stdin closing stops it.
 *
 *   tsx apps/center/test/ingest/serve-for-push.ts <audit-signing.pub> <site name>
 */

const [pemFile, siteName] = process.argv.slice(2);
if (pemFile === undefined || siteName === undefined) {
  process.stderr.write('usage: serve-for-push.ts <audit-signing.pub> <site name>\n');
  process.exit(2);
}
const db = await openCenterDb({ inMemory: true });
await migrate(db);
await addOrganisation(db, 'org-push');
const site = await enrolSite({ db, audit: createPgAuditLog(), now: () => new Date() }, admin, {
  organisationId: 'org-push',
  name: siteName,
  siteSerial: '440100',
  publicKeyPem: readFileSync(pemFile, 'utf8'),
});
const server = createCenterServer({ db, log: () => undefined });
const url = await server.listen(0, '127.0.0.1');
process.stdout.write(`${JSON.stringify({ url, siteId: site.id })}\n`);
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  if (chunk.includes('counts'))
    void ingestRowCounts(db).then((counts) => process.stdout.write(`${JSON.stringify(counts)}\n`));
});
process.stdin.on('end', () => {
  void server
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
