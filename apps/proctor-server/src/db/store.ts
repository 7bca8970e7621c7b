import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createAuditLog, signCheckpoint, type AuditLog } from '../audit/audit-log';
import {
  createHeadWitness,
  headWitnessPath,
  latestCheckpoint,
  type HeadWitness,
} from '../audit/head-witness';
import { recordPublicKeys, type ServerKey } from '../audit/server-key';
import { bindSiteKeys } from '../keys/bound-site-keys';
import { ensurePrivateDir, restrictFile } from '../keys/key-file';
import { checkLegacySecretsMatch, readLegacySecrets } from '../keys/legacy-db-keys';
import {
  inMemorySiteKeys,
  keysDirOf,
  loadOrCreateSiteKeys,
  type SiteKeys,
} from '../keys/site-keys';
import { SCORE_SAVE_ACTION, type ScoreRecordPayload } from '../scoring/score-record';
import { openWritableDb } from './connection';
import { MIGRATIONS } from './migrations/index';
import { runMigrations, schemaVersion } from './migrations/runner';
import {
  queryAll,
  queryOne,
  run,
  setBeforeCommitHook,
  sql,
  transaction,
  type WritableDb,
} from './sql';

export const DB_FILE_NAME = 'server.db';
/** The env variable holding the passphrase of passphrase-protected key files. */
export const KEY_PASSPHRASE_ENV = 'PROCTOR_KEY_PASSPHRASE';

export interface Store {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  /** The audit signing key (Ed25519), also `keys.auditSigning`. */
  readonly serverKey: ServerKey;
  readonly keys: SiteKeys;
  /** The data directory, or `undefined` for `:memory:`. */
  readonly dataDir: string | undefined;
  /** Writes `<data>/audit-head.json` now (backups, shutdown). */
  flushHeadWitness(): void;
  close(): void;
}

export interface StoreOptions {
  readonly now?: () => number;
  /** Passphrase of the key files; default the `PROCTOR_KEY_PASSPHRASE` env variable. */
  readonly keyPassphrase?: string;
  /** At most this often the chain-head witness is rewritten (ms, default 200). */
  readonly headWitnessIntervalMs?: number;
  /** The witness no longer matches the chain (tampering or a restore); default: stderr. */
  readonly onHeadConflict?: (message: string) => void;
}

/** The version the migrations moved keys out of the database (0090). */
const KEYS_OUT_OF_DB_VERSION = 90;

/**
 * Opens (or creates) `server.db` in a data directory (0700; database and key files 0600),
 * migrated and ready, with the site keys from `<data>/keys/`; or `:memory:` with in-memory keys.
 */
export function openStore(dataDirOrMemory: string, options: StoreOptions = {}): Store {
  const now = options.now ?? Date.now;
  const onDisk = dataDirOrMemory !== ':memory:';
  let path = ':memory:';
  if (onDisk) {
    ensurePrivateDir(dataDirOrMemory);
    path = join(dataDirOrMemory, DB_FILE_NAME);
  }
  const db = openWritableDb(path);
  let witness: HeadWitness | undefined;
  try {
    const keys = onDisk
      ? loadKeysMovingLegacy(db, dataDirOrMemory, options.keyPassphrase)
      : inMemorySiteKeys();
    const versionBefore = schemaVersion(db);
    runMigrations(db, MIGRATIONS);
    if (onDisk) for (const suffix of ['', '-wal', '-shm']) restrictFile(path + suffix);
    transaction(db, () => recordPublicKeys(db, keys, now()));
    bindSiteKeys(db, keys);
    const onHeadConflict =
      options.onHeadConflict ?? ((message: string) => process.stderr.write(`${message}\n`));
    if (onDisk) {
      witness = createHeadWitness(
        db,
        headWitnessPath(dataDirOrMemory),
        options.headWitnessIntervalMs ?? 200,
        onHeadConflict,
      );
    }
    const headWitness = witness;
    const audit = createAuditLog(keys.auditSigning, {
      onSealed: () => headWitness?.noteSealed(),
    });
    setBeforeCommitHook(db, () => audit.sealTransaction(db));
    if (versionBefore > 0 && versionBefore < KEYS_OUT_OF_DB_VERSION) {
      transaction(db, () => adoptUnchainedScores(db, audit, now()));
      sealLegacyHead(db, keys);
    }
    if (onDisk && versionBefore >= KEYS_OUT_OF_DB_VERSION) {
      const head = latestCheckpoint(db);
      if (head !== undefined && !existsSync(headWitnessPath(dataDirOrMemory)))
        onHeadConflict(
          `链头见证 audit-head.json 缺失，按当前链头 #${head.seq} 重建 (chain-head witness missing; recreated)`,
        );
    }
    headWitness?.flush(); // creates a missing witness (upgrade, restore of an old backup)
    return {
      db,
      serverKey: keys.auditSigning,
      keys,
      audit,
      dataDir: onDisk ? dataDirOrMemory : undefined,
      flushHeadWitness: () => headWitness?.flush(),
      close: () => {
        headWitness?.flush();
        headWitness?.stop();
        db.close();
      },
    };
  } catch (error) {
    witness?.stop();
    db.close();
    throw error;
  }
}

/** Key files from `<data>/keys/`, written first from an old database's columns if it has them. */
function loadKeysMovingLegacy(
  db: WritableDb,
  dataDir: string,
  passphrase: string | undefined,
): SiteKeys {
  // Only a database from before 0090 legitimately holds private keys; a key planted in a
  // migrated one is tampering, which verification reports, and is never adopted.
  const version = schemaVersion(db);
  const legacy = version > 0 && version < KEYS_OUT_OF_DB_VERSION ? readLegacySecrets(db) : {};
  const keys = loadOrCreateSiteKeys(
    keysDirOf(dataDir),
    passphrase ?? process.env[KEY_PASSPHRASE_ENV],
    legacy,
  );
  checkLegacySecretsMatch(legacy, keys);
  return keys;
}

/**
 * Before 0090 only every 100th record was signed; the upgrade signs the head once so that
 * "the last record carries a checkpoint" holds from now on (docs/decisions/0211).
 */
function sealLegacyHead(db: WritableDb, keys: SiteKeys): void {
  transaction(db, () => {
    const head = queryOne<{ seq: number; hash: string; at: number }>(
      db,
      sql`SELECT seq, hash, at FROM audit_log ORDER BY seq DESC LIMIT 1`,
    );
    if (head === undefined) return;
    const checkpoint = signCheckpoint(keys.auditSigning, head.seq, head.hash, head.at);
    run(
      db,
      sql`INSERT OR IGNORE INTO audit_checkpoints (seq, hash, signature, at)
          VALUES (${checkpoint.seq}, ${checkpoint.hash}, ${checkpoint.signature}, ${checkpoint.at})`,
    );
  });
}

/**
 * Scores stored before 0213 have no `score.save` record: the upgrade chains them as they are
 * (`adopted`, inputs unknown, not recomputed) so later edits of those rows are caught.
 */
function adoptUnchainedScores(db: WritableDb, audit: AuditLog, now: number): void {
  const rows = queryAll<{ attempt_id: string; detail_json: string }>(
    db,
    sql`SELECT attempt_id, detail_json FROM scores ORDER BY attempt_id`,
  );
  for (const row of rows) {
    const payload: ScoreRecordPayload = {
      attemptId: row.attempt_id,
      score: JSON.parse(row.detail_json) as ScoreRecordPayload['score'],
      answersHash: '',
      keysHash: '',
      adopted: true,
    };
    audit.append(db, { actor: 'system', action: SCORE_SAVE_ACTION, payload }, now);
  }
}
