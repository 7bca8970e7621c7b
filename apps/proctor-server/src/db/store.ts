import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createAuditLog, signCheckpoint, type AuditLog } from '../audit/audit-log';
import {
  createHeadWitness,
  headWitnessPath,
  WITNESS_RECREATED_ACTION,
  type HeadWitness,
  type WitnessRecreatedPayload,
} from '../audit/head-witness';
import { latestCheckpoint } from '../audit/audit-repository';
import { recordPublicKeys, type ServerKey } from '../audit/server-key-repository';
import { bindSiteKeys } from '../keys/bound-site-keys';
import { ensurePrivateDir, KeyFileError, restrictFile } from '../keys/key-file';
import { databaseHasKeyHistory, scrubFreedPages } from '../keys/key-repository';
import { checkLegacySecretsMatch, readLegacySecrets } from '../keys/legacy-db-keys';
import {
  inMemorySiteKeys,
  keysDirOf,
  loadOrCreateSiteKeys,
  type SiteKeys,
} from '../keys/site-keys';
import {
  adoptedScoreRecordPayload,
  SCORE_SAVE_ACTION,
  type ScoreRecordPayload,
} from '@skillexam/item-bank/results-package';
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
} from '@skillexam/shared/sql';

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
  /**
   * Verification only (`audit verify`): never creates the directory, the database or key files,
   * never writes the witness and never appends a record.
   */
  readonly inspectOnly?: boolean;
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
  const inspectOnly = options.inspectOnly === true;
  if (onDisk) {
    path = join(dataDirOrMemory, DB_FILE_NAME);
    if (inspectOnly && !existsSync(path))
      throw new KeyFileError(`数据目录中没有数据库 (no server.db in ${dataDirOrMemory})`);
    ensurePrivateDir(dataDirOrMemory);
  }
  const db = openWritableDb(path);
  let witness: HeadWitness | undefined;
  try {
    const keys = onDisk
      ? loadKeysMovingLegacy(db, dataDirOrMemory, options.keyPassphrase, inspectOnly)
      : inMemorySiteKeys();
    const versionBefore = schemaVersion(db);
    runMigrations(db, MIGRATIONS);
    if (onDisk) for (const suffix of ['', '-wal', '-shm']) restrictFile(path + suffix);
    transaction(db, () => recordPublicKeys(db, keys, now()));
    bindSiteKeys(db, keys);
    const onHeadConflict =
      options.onHeadConflict ?? ((message: string) => process.stderr.write(`${message}\n`));
    if (onDisk && !inspectOnly) {
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
      if (onDisk) scrubFreedPages(db); // old key copies out of free pages and the WAL (0210)
    }
    if (onDisk && !inspectOnly && versionBefore >= KEYS_OUT_OF_DB_VERSION) {
      const head = latestCheckpoint(db);
      if (head !== undefined && !existsSync(headWitnessPath(dataDirOrMemory))) {
        // Chained, so `audit verify` names it for good (docs/decisions/0211).
        const payload: WitnessRecreatedPayload = { headSeq: head.seq, headHash: head.hash };
        const seq = transaction(db, () =>
          audit.append(db, { actor: 'system', action: WITNESS_RECREATED_ACTION, payload }, now()),
        );
        onHeadConflict(
          `链头见证 audit-head.json 缺失，按当前链头 #${head.seq} 重建，已记入审计记录 #${seq} (chain-head witness missing; recreated and recorded)`,
        );
      }
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
  inspectOnly: boolean,
): SiteKeys {
  // Only a database from before 0090 legitimately holds private keys; a key planted in a
  // migrated one is tampering, which verification reports, and is never adopted.
  const version = schemaVersion(db);
  const legacy = version > 0 && version < KEYS_OUT_OF_DB_VERSION ? readLegacySecrets(db) : {};
  // A database that already used keys gets its own back, never new ones (0210).
  const hasHistory = version >= KEYS_OUT_OF_DB_VERSION && databaseHasKeyHistory(db);
  const keys = loadOrCreateSiteKeys(
    keysDirOf(dataDir),
    passphrase ?? process.env[KEY_PASSPHRASE_ENV],
    legacy,
    {
      createMissing: !inspectOnly && !hasHistory,
      ...(inspectOnly && !hasHistory
        ? { refusalReason: '校验不会生成密钥 (verification never creates keys)' }
        : {}),
    },
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
    const payload = adoptedScoreRecordPayload(
      row.attempt_id,
      JSON.parse(row.detail_json) as ScoreRecordPayload['score'],
    );
    audit.append(db, { actor: 'system', action: SCORE_SAVE_ACTION, payload }, now);
  }
}
