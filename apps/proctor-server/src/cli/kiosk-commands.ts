import { InvalidInputError } from '@skillexam/shared';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { keyIdOf } from '@skillexam/item-bank/exam-package';
import type { KioskSummary } from '@skillexam/shared';
import type { Command } from 'commander';
import { openStore } from '../db/store';
import { DEFAULT_DISCOVERY_NAME } from '../discovery/advertise';
import { enrollmentFile } from '../kiosks/enrollment-file';
import { enrollKiosk, listKiosks, revokeKiosk } from '../kiosks/kiosk-registry';
import { enrollmentPin, ensureSiteTls } from '../tls/site-tls';
import { cliActor, output } from './cli-io';

/**
 * `kiosk enroll | list | revoke`: 考试机登记 (docs/decisions/0216). `enroll` prints the PC's
 * enrollment.json (or writes it, mode 0600, with --out); copy it into the kiosk's data folder.
 * The file holds the PC's Ed25519 private key; the server keeps only the public key.
 */
function kioskStatus(kiosk: KioskSummary): string {
  if (kiosk.revokedAt !== undefined) return '已注销';
  return kiosk.needsReenrollment === true ? '需重新登记 (re-enroll)' : '有效';
}

/** Creates the enrollment file (mode 0600, refusing an existing one) before anything is enrolled. */
function openEnrollmentOutput(path: string): { path: string; fd: number } {
  try {
    return { path, fd: openSync(path, 'wx', 0o600) };
  } catch (error) {
    throw new InvalidInputError(
      `无法写入 ${path}: ${(error as Error).message}，未登记 (cannot write the enrollment file; nothing enrolled)`,
    );
  }
}

export function addKioskCommands(program: Command): void {
  const kiosk = program.command('kiosk').description('考试机登记 (enrolled exam PCs)');
  kiosk
    .command('enroll')
    .description('登记一台考试机，输出其 enrollment.json (enroll one exam PC)')
    .requiredOption('--data <dir>', 'data directory')
    .requiredOption('--name <PC>', 'the PC name, e.g. 第1考场-01')
    .option('--out <file>', 'write enrollment.json here (0600; refuses to overwrite)')
    .option('--server-url <url>', 'the server URL the kiosk should use')
    .option('--site-name <name>', '考点名称 printed in the file', DEFAULT_DISCOVERY_NAME)
    .option('--json', 'print the file as JSON (the default without --out)')
    .action(
      async (opts: {
        data: string;
        name: string;
        out?: string;
        serverUrl?: string;
        siteName: string;
      }) => {
        // the pin: the site certificate, created now if `serve` has not run yet (decision 0232)
        await ensureSiteTls(opts.data, { siteName: opts.siteName });
        // the output is opened (wx: never overwrite) BEFORE enrolling, so an existing file or an
        // unwritable path cannot leave a taken name whose private key was never written
        const out = opts.out === undefined ? undefined : openEnrollmentOutput(opts.out);
        let written = false;
        const discardOutput = (): void => {
          if (out === undefined || written) return;
          // nothing was enrolled (or nothing written): remove the empty file this command made
          closeSync(out.fd);
          rmSync(out.path, { force: true });
        };
        let store: ReturnType<typeof openStore>;
        try {
          store = openStore(opts.data);
        } catch (error) {
          discardOutput();
          throw error;
        }
        try {
          const enrolled = enrollKiosk(store.db, store.audit, opts.name, cliActor(), Date.now());
          const file = enrollmentFile({
            siteName: opts.siteName,
            siteKeyId: keyIdOf(store.serverKey.publicKey),
            kiosk: enrolled,
            serverUrl: opts.serverUrl,
            serverCertFingerprint: enrollmentPin(opts.data),
          });
          const text = `${JSON.stringify(file, null, 2)}\n`;
          if (out === undefined) {
            process.stdout.write(text);
            return;
          }
          writeSync(out.fd, text);
          closeSync(out.fd);
          written = true;
          console.log(`已登记 ${file.kioskName} (${file.kioskId}) → ${out.path}`);
        } finally {
          store.close();
          discardOutput();
        }
      },
    );
  kiosk
    .command('list')
    .description('列出已登记的考试机 (list enrolled PCs)')
    .requiredOption('--data <dir>', 'data directory')
    .option('--json', 'print JSON')
    .action((opts: { data: string; json?: boolean }) => {
      const store = openStore(opts.data);
      try {
        const kiosks = listKiosks(store.db);
        output(opts.json === true, kiosks, () =>
          kiosks.map(
            (k) =>
              `${k.kioskId}\t${k.name}\t${kioskStatus(k)}\t${
                k.lastLoginAt === undefined ? '-' : new Date(k.lastLoginAt).toISOString()
              }`,
          ),
        );
      } finally {
        store.close();
      }
    });
  kiosk
    .command('revoke <kioskIdOrName>')
    .description('注销一台考试机 (its logins are refused from now on)')
    .requiredOption('--data <dir>', 'data directory')
    .option('--reason <text>', '注销原因，记入审计日志 (the reason, audited)')
    .option('--json', 'print JSON')
    .action((idOrName: string, opts: { data: string; json?: boolean; reason?: string }) => {
      const reason = opts.reason?.trim();
      if (reason !== undefined && (reason === '' || reason.length > 500)) {
        throw new InvalidInputError('--reason: 1–500 个字符 (1 to 500 characters)');
      }
      const store = openStore(opts.data);
      try {
        const revoked = revokeKiosk(
          store.db,
          store.audit,
          idOrName,
          cliActor(),
          Date.now(),
          reason,
        );
        output(opts.json === true, revoked, () => [`已注销 ${revoked.name} (${revoked.kioskId})`]);
      } finally {
        store.close();
      }
    });
}
