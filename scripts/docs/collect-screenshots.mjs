// Copies the screenshots the browser tests take of the real UI into docs/screenshots/ for the
// README. `npm run docs:screenshots` runs the browser tests first, so the README always shows
// the current UI.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'docs/screenshots');

/** README name ← screenshot written by a Playwright spec under test-results/. */
const SHOTS = {
  'author-standards.png': 'author/02-standards-tree.png',
  'author-editor.png': 'author/03-item-editor.png',
  'author-review.png': 'author/05-review-as-reviewer.png',
  'author-dashboard.png': 'author/08-dashboard.png',
  'author-assembly.png': 'author/09-assembly.png',
  'author-import.png': 'author/11-import-dry-run.png',
  'console-monitor.png': 'console/07-monitor-running.png',
  'console-candidate.png': 'console/05-candidate-panel-extended.png',
  'console-incidents.png': 'console/09-incidents-confirmed.png',
  'console-results.png': 'console/10-results.png',
  'console-admin-keys.png': 'console/keys-staff-keys-verified.png',
  'console-admin-roster.png': 'console/admin-03-roster-imported.png',
  'console-jobs.png': 'console/jobs-01-export-running.png',
  'whole-day-01-first-run.png': 'whole-day/01-first-run.png',
  'whole-day-02-keys.png': 'whole-day/02-keys-and-package.png',
  'whole-day-03-new-session.png': 'whole-day/03-new-session.png',
  'whole-day-04-roster.png': 'whole-day/04-roster-preview.png',
  'whole-day-05-seats.png': 'whole-day/05-seats-assigned.png',
  'whole-day-06-slip.png': 'whole-day/06-admission-slip.png',
  'whole-day-09-check-in.png': 'whole-day/09-proctor-check-in.png',
  'whole-day-10-results.png': 'whole-day/10-results-export.png',
  'whole-day-10-backup.png': 'whole-day/10-backup.png',
  'whole-day-10-audit.png': 'whole-day/10-audit-verified.png',
  'center-packages.png': 'center/07-package-accepted.png',
  'center-batch.png': 'center/12-four-eyes.png',
  'center-supervision.png': 'center/16-supervision.png',
  'kiosk-login.png': 'screenshots/kiosk-1024-1-login.png',
  'kiosk-identity.png': 'screenshots/kiosk-1024-2-identity.png',
  'kiosk-exam.png': 'screenshots/kiosk-1024-5-exam-image.png',
  'kiosk-paused.png': 'screenshots/kiosk-1024-7-paused.png',
  'kiosk-review.png': 'screenshots/kiosk-1024-8-review.png',
};

mkdirSync(out, { recursive: true });
const missing = [];
for (const [name, source] of Object.entries(SHOTS)) {
  const from = join(root, 'test-results', source);
  if (!existsSync(from)) {
    missing.push(source);
    continue;
  }
  copyFileSync(from, join(out, name));
}
if (missing.length > 0) {
  console.error(`missing screenshots (run npm run test:e2e first): ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`copied ${Object.keys(SHOTS).length} screenshots to docs/screenshots/`);
