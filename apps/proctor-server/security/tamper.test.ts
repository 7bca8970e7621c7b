import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultsVerifyReport } from '../src/cli/results-commands';
import { transaction } from '@skillexam/shared/sql';
import { openStore } from '../src/db/store';
import { signResultsPackage, type ResultsPayload } from '@skillexam/item-bank/results-package';
import { pdfText } from '../test/pdf/pdf-tools';
import { copyDataDir, finishedExam, type FinishedExam } from './support/finished-exam';
import { examWithVoidedPaper } from './support/voided-exam';
import {
  auditVerify,
  cliJson,
  problemText,
  rewriteAndResign,
  tamper,
} from './support/tamper-tools';

/*
 * Someone with a copy of server.db (a staff member, a technician with the disk) changes results
 * after the exam and hopes `proctor-server audit verify` stays green. The data directory comes
 * from a real exam run through the server; each case edits the SQLite file directly, then runs
 * the real CLI command. Before docs/decisions/0211–0213 every case here verified green.
 */

let exam: FinishedExam;
let first: FinishedExam['candidates'][number];
beforeAll(async () => {
  exam = await finishedExam();
  first = exam.candidates[0]!;
});

function lastAuditSeq(dataDir: string): number {
  const db = new Database(join(dataDir, 'server.db'), { readonly: true });
  try {
    return (db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * The server keeps working after the exam (logins, monitor events): `count` more signed
 * transactions through the real audit log; returns the seq of the last record before them.
 */
function laterActivity(dataDir: string, count: number): number {
  const store = openStore(dataDir);
  try {
    const before = lastAuditSeq(dataDir);
    for (let i = 0; i < count; i++)
      transaction(store.db, () =>
        store.audit.append(
          store.db,
          { actor: 'staff:admin', action: 'auth.login', payload: { i } },
          Date.now(),
        ),
      );
    return before;
  } finally {
    store.close(); // writes the chain-head witness
  }
}

/** Cuts the chain back to `seq` (itself signed), checkpoints included. */
function cutTailTo(dataDir: string, seq: number): void {
  tamper(
    dataDir,
    `DELETE FROM audit_log WHERE seq > ${seq}; DELETE FROM audit_checkpoints WHERE seq > ${seq}`,
  );
}

describe('tamper evidence of results (audit verify on a real exam)', () => {
  it('an untouched data directory verifies green', async () => {
    const result = await auditVerify(copyDataDir(exam));
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, exitCode: 0 });
  });

  it('an edited answers_current row is named by table, ticket and item', async () => {
    const dir = copyDataDir(exam);
    tamper(
      dir,
      `UPDATE answers_current SET value_json = '{"kind":"true_false","value":true}'
       WHERE attempt_id = '${first.attemptId}' AND item_id = 'tf1'`,
    );
    const result = await auditVerify(dir);
    expect(result.ok).toBe(false);
    expect(result.exitCode).not.toBe(0);
    expect(problemText(result)).toMatch(
      new RegExp(`answers_current: 考生 ${first.ticket} .* 试题 tf1 seq 1: 与审计记录 #\\d+ 不符`),
    );
  });

  it('an edited answer_events row is named by table, ticket, item and seq', async () => {
    const dir = copyDataDir(exam);
    tamper(
      dir,
      `UPDATE answer_events SET value_json = '{"kind":"choice","selected":["A"]}'
       WHERE attempt_id = '${first.attemptId}' AND seq = 2`,
    );
    expect(problemText(await auditVerify(dir))).toMatch(
      new RegExp(`answer_events: 考生 ${first.ticket} .* 试题 sc1 seq 2: 与审计记录 #\\d+ 不符`),
    );
  });

  it('a deleted answer row and an inserted one are both found', async () => {
    const dir = copyDataDir(exam);
    tamper(
      dir,
      `DELETE FROM answer_events WHERE attempt_id = '${first.attemptId}' AND seq = 4;
       INSERT INTO answers_current (attempt_id, item_id, seq, value_json)
         VALUES ('${first.attemptId}', 'sa1', 9, '{"kind":"text","text":"补写"}')`,
    );
    const text = problemText(await auditVerify(dir));
    expect(text).toMatch(/answer_events: .* 试题 fb1 seq 4: 记录被删除/);
    expect(text).toMatch(/answers_current: .* 试题 sa1 seq 9: 审计链中没有这道题的答案/);
  });

  it('a score changed 0 → 95 and pass is caught', async () => {
    const dir = copyDataDir(exam);
    tamper(
      dir,
      `UPDATE scores SET total = 95, passed = 1,
         detail_json = json_set(json_set(detail_json, '$.total', 95), '$.result', 'pass')
       WHERE attempt_id = '${first.attemptId}'`,
    );
    const result = await auditVerify(dir);
    expect(result.ok).toBe(false);
    expect(problemText(result)).toMatch(
      new RegExp(
        `scores: 考生 ${first.ticket} .*: 成绩 95 合格 与审计记录 #\\d+ 的 0 \\(fail\\) 不符`,
      ),
    );
  });

  it('a score changed together with its chained record is caught by the hash chain and the recomputation', async () => {
    const dir = copyDataDir(exam);
    tamper(
      dir,
      `UPDATE scores SET total = 95, passed = 1,
         detail_json = json_set(json_set(detail_json, '$.total', 95), '$.result', 'pass')
       WHERE attempt_id = '${first.attemptId}';
       UPDATE audit_log SET payload_json = json_set(json_set(payload_json, '$.score.total', 95), '$.score.result', 'pass')
       WHERE action = 'score.save' AND json_extract(payload_json, '$.attemptId') = '${first.attemptId}'`,
    );
    const text = problemText(await auditVerify(dir));
    expect(text).toMatch(/payload does not match its hash \(edited\)/);
    expect(text).toMatch(/审计链中的成绩 95 与按答案重算的 0 不符/);
  });

  it('an edited, a deleted and a reordered audit row are each named by seq', async () => {
    const edited = copyDataDir(exam);
    tamper(edited, `UPDATE audit_log SET actor = 'staff:someone' WHERE seq = 5`);
    expect((await auditVerify(edited)).problems).toContainEqual({
      seq: 5,
      problem: 'record hash does not match its fields (edited)',
    });
    const deleted = copyDataDir(exam);
    tamper(
      deleted,
      'DELETE FROM audit_log WHERE seq = 7; DELETE FROM audit_checkpoints WHERE seq = 7',
    );
    expect((await auditVerify(deleted)).problems[0]).toMatchObject({ seq: 8 });
    const reordered = copyDataDir(exam);
    tamper(
      reordered,
      `UPDATE audit_log SET seq = -1 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4;
       UPDATE audit_log SET seq = 4 WHERE seq = -1;`,
    );
    expect((await auditVerify(reordered)).problems.map((p) => p.seq)).toContain(3);
  });

  it('deleting the last audit row is caught', async () => {
    const dir = copyDataDir(exam);
    const last = lastAuditSeq(dir);
    tamper(dir, `DELETE FROM audit_log WHERE seq = ${last}`);
    expect(problemText(await auditVerify(dir))).toMatch(
      new RegExp(`#${last} checkpoint names a record that no longer exists`),
    );
  });

  it('cutting the tail together with its checkpoints is caught by the chain-head witness', async () => {
    const dir = copyDataDir(exam);
    const last = lastAuditSeq(dir);
    const cut = last - 3;
    tamper(
      dir,
      `DELETE FROM audit_log WHERE seq > ${cut}; DELETE FROM audit_checkpoints WHERE seq > ${cut}`,
    );
    const result = await auditVerify(dir);
    expect(result.ok).toBe(false);
    expect(problemText(result)).toContain(
      `#${last} 审计链尾部被截断: 链止于 #${cut}，见证记录到 #${last}`,
    );
  });

  it('a deleted chain-head witness is recreated only with a chained record that verify names', async () => {
    // with passphrase-protected keys: cut the tail, delete the witness, restart the server
    const dir = copyDataDir(exam);
    const cut = laterActivity(dir, 3);
    cutTailTo(dir, cut);
    rmSync(join(dir, 'audit-head.json'));
    const notices: string[] = [];
    openStore(dir, { onHeadConflict: (m) => notices.push(m) }).close();
    expect(notices.join('\n')).toContain(`按当前链头 #${cut} 重建，已记入审计记录 #${cut + 1}`);
    const { exitCode, data } = await cliJson<{
      ok: boolean;
      warnings: { seq: number; problem: string }[];
    }>('audit', 'verify', '--data', dir);
    expect(data.ok).toBe(true);
    expect(exitCode).toBe(0);
    expect(data.warnings).toEqual([
      {
        seq: cut + 1,
        problem: expect.stringContaining(
          `链头见证 audit-head.json 曾缺失，于 #${cut + 1} 按当时的链头 #${cut} 重建`,
        ) as string,
      },
    ]);
    // the record itself is part of the signed chain: deleting it is a cut tail again
    cutTailTo(dir, cut);
    expect(problemText(await auditVerify(dir))).toContain(
      `#${cut + 1} 审计链尾部被截断: 链止于 #${cut}，见证记录到 #${cut + 1}`,
    );
  });

  it('a chain rewritten and re-signed with a key stored in the database is refused', async () => {
    const dir = copyDataDir(exam);
    rewriteAndResign(
      dir,
      (row) => {
        const payload = JSON.parse(row.payload_json) as Record<string, unknown>;
        if (row.action !== 'score.save' || payload['attemptId'] !== first.attemptId) return payload;
        const score = payload['score'] as Record<string, unknown>;
        return { ...payload, score: { ...score, total: 95, result: 'pass' } };
      },
      `UPDATE scores SET total = 95, passed = 1,
         detail_json = json_set(json_set(detail_json, '$.total', 95), '$.result', 'pass')
       WHERE attempt_id = '${first.attemptId}'`,
    );
    const text = problemText(await auditVerify(dir));
    expect(text).toMatch(/server_keys 中的公钥与 keys\/audit-signing.key 不一致/);
    expect(text).toMatch(/checkpoint signature is invalid/);
    expect(text).toMatch(/链头见证的签名无效|与链头见证不一致/);
    expect(text).toMatch(/审计链中的成绩 95 与按答案重算的 0 不符/);
  });

  it('records appended without the signing key are caught (no signed checkpoint)', async () => {
    const dir = copyDataDir(exam);
    const last = lastAuditSeq(dir);
    rewriteAndResign(dir, (row) => JSON.parse(row.payload_json) as unknown);
    // the rewrite above re-signed with a foreign key; now also append one unsigned record
    tamper(
      dir,
      `INSERT INTO audit_log (seq, at, actor, action, payload_json, payload_hash, prev_hash, hash)
       SELECT seq + 1, at, actor, 'attempt.void', '{}', payload_hash, hash, hash FROM audit_log WHERE seq = ${last}`,
    );
    expect(problemText(await auditVerify(dir))).toContain(
      `#${last + 1} 最后一条记录 #${last + 1} 没有签名检查点`,
    );
  });
});

describe('tamper evidence of the results package', () => {
  async function exportFiles(dataDir: string) {
    const out = join(dataDir, '..', 'export');
    const { data } = await cliJson<{
      resultsPackage: string;
      scoreSummary: string;
      incidentRecord: string;
    }>('results', 'export', '--data', dataDir, '--session', exam.sessionId, '--out', out);
    return data;
  }
  const exportPackage = async (dataDir: string) => (await exportFiles(dataDir)).resultsPackage;

  function resign(
    path: string,
    dataDir: string,
    change: (payload: ResultsPayload) => void,
  ): string {
    const envelope = JSON.parse(readFileSync(path, 'utf8')) as { payload: ResultsPayload };
    change(envelope.payload);
    const key = readFileSync(join(dataDir, 'keys', 'audit-signing.key'), 'utf8');
    const forged = `${path}.forged.json`;
    writeFileSync(forged, signResultsPackage(envelope.payload, key));
    return forged;
  }

  const verifyPackage = (file: string, ...extra: string[]) =>
    cliJson<ResultsVerifyReport>('results', 'verify', file, ...extra);

  it('carries the signed final checkpoint, the keys and the answers, and re-derives green', async () => {
    const dir = copyDataDir(exam);
    const files = await exportFiles(dir);
    const file = files.resultsPackage;
    const payload = (JSON.parse(readFileSync(file, 'utf8')) as { payload: ResultsPayload }).payload;
    const witness = JSON.parse(readFileSync(join(dir, 'audit-head.json'), 'utf8')) as {
      seq: number;
      hash: string;
    };
    expect(payload.audit?.head).toMatchObject({ seq: witness.seq, hash: witness.hash });
    expect(payload.candidates[0]?.answers?.['tf1']).toEqual({ kind: 'true_false', value: false });
    const { exitCode, data } = await verifyPackage(
      file,
      '--trust',
      join(dir, 'keys', 'audit-signing.pub'),
    );
    expect(data.problems).toEqual([]);
    expect(exitCode).toBe(0);
    expect(data.chainHead?.seq).toBe(witness.seq);
    // the printed 成绩汇总表 pins the same head
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(files.scoreSummary) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => cells.push(String(row.getCell(1).value)));
    expect(cells).toContain(`审计链头 (audit chain head): #${witness.seq} SHA-256 ${witness.hash}`);
    // and so does the 考场情况记录
    const { text } = pdfText(readFileSync(files.incidentRecord));
    expect(text.replace(/\s+/g, '')).toContain(`审计链头#${witness.seq}SHA-256${witness.hash}`);
  });

  it('a tail cut back to an earlier signed checkpoint is never exported (chain-head witness)', async () => {
    const dir = copyDataDir(exam);
    const cut = laterActivity(dir, 3);
    const last = cut + 3;
    cutTailTo(dir, cut);
    await expect(exportPackage(dir)).rejects.toThrow(
      new RegExp(
        `审计校验失败，不导出成绩 .*#${last} 审计链尾部被截断: 链止于 #\\d+，见证记录到 #${last}`,
      ),
    );
  });

  it('a forged score in the database is never signed into a package', async () => {
    const dir = copyDataDir(exam);
    tamper(dir, `UPDATE scores SET total = 95, passed = 1 WHERE attempt_id = '${first.attemptId}'`);
    await expect(exportPackage(dir)).rejects.toThrow(/审计校验失败，不导出成绩/);
  });

  it('a package whose score disagrees with its answers is refused, even when signed by the site key', async () => {
    const dir = copyDataDir(exam);
    const file = await exportPackage(dir);
    const forged = resign(file, dir, (payload) => {
      Object.assign(payload.candidates[0]!, { total: 95, result: 'pass' });
    });
    const { exitCode, data } = await verifyPackage(forged);
    expect(exitCode).not.toBe(0);
    expect(data.problems.map((p) => p.problem).join('\n')).toContain(
      `考生 ${first.ticket}: 成绩 95 (pass) 与按答案重算的 0 (fail) 不符`,
    );
  });

  it('answers changed to fit a new score no longer match the chained score record', async () => {
    const dir = copyDataDir(exam);
    const file = await exportPackage(dir);
    const forged = resign(file, dir, (payload) => {
      const candidate = payload.candidates[0]!;
      candidate.answers = { ...candidate.answers, tf1: { kind: 'true_false', value: true } };
      candidate.total = 2;
      candidate.itemPoints = candidate.itemPoints?.map((p, i) => (i === 0 ? 2 : p));
      candidate.sectionPoints = candidate.sectionPoints?.map((p, i) => (i === 0 ? p + 2 : p));
    });
    const text = (await verifyPackage(forged)).data.problems.map((p) => p.problem).join('\n');
    expect(text).toMatch(new RegExp(`考生 ${first.ticket}: 答案、成绩与审计记录 #\\d+ 不符`));
  });

  it('an edited package is refused, and one re-signed with another key is refused against the site key', async () => {
    const dir = copyDataDir(exam);
    const file = await exportPackage(dir);
    const text = readFileSync(file, 'utf8').replace('"total":0', '"total":95');
    writeFileSync(`${file}.edited`, text);
    expect((await verifyPackage(`${file}.edited`)).data.problems[0]?.problem).toMatch(
      /^HASH_MISMATCH/,
    );
    const other = generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const envelope = JSON.parse(readFileSync(file, 'utf8')) as { payload: ResultsPayload };
    writeFileSync(`${file}.other`, signResultsPackage(envelope.payload, other));
    const refused = await verifyPackage(
      `${file}.other`,
      '--trust',
      join(dir, 'keys', 'audit-signing.pub'),
    );
    expect(refused.data.problems[0]?.problem).toMatch(/^SIGNER_UNTRUSTED/);
  });
});

describe('tamper evidence of backups', () => {
  it('restore refuses a backup whose tail was cut together with its checkpoints', async () => {
    const dir = copyDataDir(exam);
    const backups = join(dir, '..', 'backups');
    const { data } = await cliJson<{ path: string }>('backup', '--data', dir, '--to', backups);
    const backup = new Database(data.path);
    backup.pragma('foreign_keys = OFF');
    const last = (backup.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
    backup.exec(
      `DELETE FROM audit_log WHERE seq > ${last - 2}; DELETE FROM audit_checkpoints WHERE seq > ${last - 2}`,
    );
    backup.close();
    await expect(cliJson('restore', data.path, '--data', dir, '--reason', '演练')).rejects.toThrow(
      new RegExp(`审计链尾部被截断: 链止于 #${last - 2}，见证记录到 #${last}`),
    );
  });
});

describe('tamper evidence of whose score it is and of a voided paper (owner binding, 0213)', () => {
  let voided: FinishedExam;
  beforeAll(async () => {
    voided = await examWithVoidedPaper();
  });
  const ids = () => voided.candidates.map((c) => c.attemptId);

  function attemptRow(dataDir: string, attemptId: string) {
    const db = new Database(join(dataDir, 'server.db'), { readonly: true });
    try {
      return db
        .prepare('SELECT name, id_number, admission_ticket, status FROM attempts WHERE id = ?')
        .get(attemptId) as { name: string; id_number: string; admission_ticket: string };
    } finally {
      db.close();
    }
  }

  const exportIn = (dataDir: string) =>
    cliJson<{ resultsPackage: string }>(
      'results',
      'export',
      '--data',
      dataDir,
      '--session',
      voided.sessionId,
      '--out',
      join(dataDir, '..', 'export'),
    );

  it('an untouched exam with a voided paper verifies and exports green', async () => {
    const dir = copyDataDir(voided);
    expect((await auditVerify(dir)).problems).toEqual([]);
    const { data } = await exportIn(dir);
    const report = await cliJson<ResultsVerifyReport>('results', 'verify', data.resultsPackage);
    expect(report.data.problems).toEqual([]);
    expect(report.exitCode).toBe(0);
  });

  it('a voided (作弊) paper set back to submitted is caught and never exported', async () => {
    const dir = copyDataDir(voided);
    const [, , cheat] = voided.candidates;
    tamper(dir, `UPDATE attempts SET status = 'submitted' WHERE id = '${cheat!.attemptId}'`);
    const result = await auditVerify(dir);
    expect(result.ok).toBe(false);
    expect(problemText(result)).toMatch(
      new RegExp(
        `attempts: 考生 ${cheat!.ticket} \\(attempt ${cheat!.attemptId}\\): 状态 submitted 与审计记录 #\\d+ 的 voided 不符 \\(status edited\\)`,
      ),
    );
    await expect(exportIn(dir)).rejects.toThrow(/审计校验失败，不导出成绩/);
  });

  it('name and ID number swapped between a failing and a passing attempt are caught', async () => {
    const dir = copyDataDir(voided);
    const [failing, passing] = ids();
    const a = attemptRow(dir, failing!);
    const b = attemptRow(dir, passing!);
    tamper(
      dir,
      `UPDATE attempts SET name = '${b.name}', id_number = '${b.id_number}' WHERE id = '${failing!}';
       UPDATE attempts SET name = '${a.name}', id_number = '${a.id_number}' WHERE id = '${passing!}'`,
    );
    const text = problemText(await auditVerify(dir));
    for (const attemptId of [failing, passing])
      expect(text).toMatch(
        new RegExp(
          `attempts: 考生 \\S+ \\(attempt ${attemptId}\\): 姓名或身份证号与审计记录 #\\d+ 不符 \\(name or id_number edited\\)`,
        ),
      );
    await expect(exportIn(dir)).rejects.toThrow(/审计校验失败，不导出成绩/);
  });

  it('admission tickets swapped between two attempts are caught', async () => {
    const dir = copyDataDir(voided);
    const [one, two] = voided.candidates;
    tamper(
      dir,
      `UPDATE attempts SET admission_ticket = 'SWAP' WHERE id = '${one!.attemptId}';
       UPDATE attempts SET admission_ticket = '${one!.ticket}' WHERE id = '${two!.attemptId}';
       UPDATE attempts SET admission_ticket = '${two!.ticket}' WHERE id = '${one!.attemptId}'`,
    );
    expect(problemText(await auditVerify(dir))).toMatch(
      new RegExp(
        `attempts: 考生 ${two!.ticket} \\(attempt ${one!.attemptId}\\): 准考证号 ${two!.ticket} 与审计记录 #\\d+ 的 ${one!.ticket} 不符 \\(admission_ticket edited\\)`,
      ),
    );
  });

  it('a package re-signed with names swapped is refused by results verify, naming the ticket', async () => {
    const dir = copyDataDir(voided);
    const { data } = await exportIn(dir);
    const envelope = JSON.parse(readFileSync(data.resultsPackage, 'utf8')) as {
      payload: ResultsPayload;
    };
    const [first, second] = envelope.payload.candidates;
    const name = first!.name;
    const idNumber = first!.idNumber;
    Object.assign(first!, { name: second!.name, idNumber: second!.idNumber });
    Object.assign(second!, { name, idNumber });
    const key = readFileSync(join(dir, 'keys', 'audit-signing.key'), 'utf8');
    const forged = `${data.resultsPackage}.swapped.json`;
    writeFileSync(forged, signResultsPackage(envelope.payload, key));
    const report = await cliJson<ResultsVerifyReport>('results', 'verify', forged);
    expect(report.exitCode).not.toBe(0);
    const text = report.data.problems.map((p) => p.problem).join('\n');
    for (const ticket of [first!.admissionTicketNumber, second!.admissionTicketNumber])
      expect(text).toMatch(new RegExp(`考生 ${ticket}: 答案、成绩与审计记录 #\\d+ 不符`));
  });
});
