import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrations/index';
import { electricianStandardJson, tempDir } from './support/fixtures';

const BIN = fileURLToPath(new URL('../bin/qbank.js', import.meta.url));
const { dir, cleanup } = tempDir();
afterAll(cleanup);

function qbank(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each spawn pays for tsx start-up (seconds on a shared machine), so only the binary's own
// behaviour is checked here: it runs, prints JSON, and maps outcomes to exit codes 0 and 2.
describe('the qbank binary', () => {
  it(
    'creates a bank, imports a standard (0) and refuses a second import (2)',
    { timeout: 60_000 },
    () => {
      const bank = join(dir, 'bin.qbank');
      writeFileSync(join(dir, 'std.json'), JSON.stringify(electricianStandardJson()));
      const init = qbank('init', bank, '--json');
      expect(init.code).toBe(0);
      expect(JSON.parse(init.stdout)).toMatchObject({
        ok: true,
        data: { schemaVersion: MIGRATIONS.at(-1)?.version },
      });
      expect(qbank('standard', 'import', 'std.json', '--bank', bank).code).toBe(0);
      const again = qbank('standard', 'import', 'std.json', '--bank', bank);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/已有标准/);
    },
  );
});
