import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/*
 * A real evaluation centre in its own process (apps/center/test/ingest/serve-for-push.ts: an
 * app's code never imports another app's), the site enrolled with the given audit public key.
 */

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CENTRE = join(ROOT, 'apps/center/test/ingest/serve-for-push.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

export interface CentreProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** Writes a PEM to a temporary file (the centre script reads the key from a file). */
export function pemFile(pem: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'centre-pem-')), 'audit-signing.pub');
  writeFileSync(file, pem);
  return file;
}

/** A key the centre will know although this site never signed with it. */
export function strangerPem(): string {
  return generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string;
}

export async function startCentre(publicKeyPem: string, siteName: string): Promise<CentreProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(
    TSX,
    [CENTRE, pemFile(publicKeyPem), siteName],
    {
      cwd: ROOT,
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done === true) throw new Error(`the centre did not start: ${stderr}`);
  return {
    url: (JSON.parse(first.value) as { url: string }).url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exited;
    },
  };
}
