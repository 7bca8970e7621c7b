import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/*
 * An export's files are written into a hidden folder inside the destination and moved in only
 * when all of them are written (docs/decisions/0946): a cancelled or failed export leaves no
 * partial file behind, and a destination folder it had to create is removed again.
 */

const STAGING_PREFIX = '.partial-';

export class StagedOutput {
  private constructor(
    readonly outDir: string,
    private readonly staging: string,
    private readonly createdOutDir: boolean,
  ) {}

  static open(outDir: string): StagedOutput {
    const createdOutDir = !existsSync(outDir);
    mkdirSync(outDir, { recursive: true });
    return new StagedOutput(outDir, mkdtempSync(join(outDir, STAGING_PREFIX)), createdOutDir);
  }

  /** Where a file named `name` is written until `commit`. */
  staged(name: string): string {
    return join(this.staging, name);
  }

  /** Its final path. */
  final(name: string): string {
    return join(this.outDir, name);
  }

  /** Moves every staged file into the destination (same file system: renames). */
  commit(): void {
    for (const name of readdirSync(this.staging)) {
      renameSync(join(this.staging, name), join(this.outDir, name));
    }
    rmSync(this.staging, { recursive: true, force: true });
  }

  /** Deletes what was written; the destination is as before the export. */
  discard(): void {
    rmSync(this.staging, { recursive: true, force: true });
    if (this.createdOutDir && readdirSync(this.outDir).length === 0) {
      rmSync(this.outDir, { recursive: true, force: true });
    }
  }
}
