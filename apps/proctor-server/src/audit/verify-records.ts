import {
  PaperAnswerKeysSchema,
  answerStateHash,
  canonicalJson,
  scoreAttempt,
  type AnswerValue,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import type { ReadableDb } from '@skillexam/shared/sql';
import {
  answerKeysHash,
  identityHash,
  SCORE_SAVE_ACTION,
  ScoreRecordPayloadSchema,
  type ScoreRecordPayload,
} from '@skillexam/item-bank/results-package';
import {
  attemptOwnerRows,
  examAnswerKeyJson,
  iterateAnswerEventRows,
  iterateCurrentAnswerRows,
  iterateRecordsOfActions,
  scoreRows,
  type AttemptOwnerRow,
} from './audit-repository';
import type { AuditProblem } from './verify';

/*
 * The tables checked against the chain (docs/decisions/0213): answer_events and answers_current
 * must be exactly what the chained `answer.save` records say, every scores row must be the last
 * chained `score.save` of its attempt, and every chained score must be what the shared
 * `scoreAttempt` computes from the chained answers, the exam's answer key and the chained marks.
 */

interface AnswerSavePayload {
  readonly attemptId: string;
  readonly seq: number;
  readonly itemId: string;
  readonly value: AnswerValue;
}

/**
 * The fields of a chained `answer.save` payload; a shape check, not a zod parse: the value was
 * validated when it was written and the hash chain proves it unchanged (a 5,000-candidate chain
 * has a million of these).
 */
function answerSaveOf(json: unknown): AnswerSavePayload | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { attemptId, seq, itemId, value } = json as Record<string, unknown>;
  if (typeof attemptId !== 'string' || typeof itemId !== 'string') return undefined;
  if (typeof seq !== 'number' || typeof value !== 'object' || value === null) return undefined;
  return { attemptId, seq, itemId, value: value as AnswerValue };
}

interface ChainedEvent {
  readonly itemId: string;
  readonly valueJson: string;
  readonly auditSeq: number;
}

interface ChainedScore {
  readonly payload: ScoreRecordPayload;
  readonly auditSeq: number;
}

class Replay {
  /** attemptId → event seq → event */
  readonly events = new Map<string, Map<number, ChainedEvent>>();
  /** attemptId → itemId → latest event (by event seq) */
  readonly current = new Map<
    string,
    Map<string, { seq: number; value: AnswerValue; valueJson: string; auditSeq: number }>
  >();
  readonly scores = new Map<string, ChainedScore>();
  /** attemptId → the last record that fixes its status: a bound `score.save` or `attempt.void`. */
  readonly statuses = new Map<string, { status: string; auditSeq: number }>();
  /** attemptId → the last `score.save` naming its owner. */
  readonly owners = new Map<string, ChainedScore>();

  answers(attemptId: string): Map<string, AnswerValue> {
    return new Map(
      [...(this.current.get(attemptId) ?? new Map())].map(([item, a]) => [item, a.value]),
    );
  }
}

export function verifyChainedRecords(db: ReadableDb, maxProblems = 50): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const note = (seq: number, problem: string): void => {
    if (problems.length < maxProblems) problems.push({ seq, problem });
  };
  const tickets = new Map(attemptOwnerRows(db).map((r) => [r.id, r]));
  const who = (attemptId: string): string =>
    `考生 ${tickets.get(attemptId)?.ticket ?? '?'} (attempt ${attemptId})`;
  const keysCache = new Map<string, PaperAnswerKeys | undefined>();
  const keysOf = (attemptId: string): PaperAnswerKeys | undefined => {
    const examId = tickets.get(attemptId)?.exam_id ?? '';
    if (!keysCache.has(examId)) {
      const answerKeyJson = examAnswerKeyJson(db, examId);
      const parsed = PaperAnswerKeysSchema.safeParse(JSON.parse(answerKeyJson ?? 'null'));
      keysCache.set(examId, parsed.success ? parsed.data : undefined);
    }
    return keysCache.get(examId);
  };

  const replay = new Replay();
  const rows = iterateRecordsOfActions(db, ['answer.save', SCORE_SAVE_ACTION, VOID_ACTION]);
  for (const row of rows) {
    let json: unknown;
    try {
      json = JSON.parse(row.payload_json);
    } catch {
      continue; // reported by the chain check
    }
    if (row.action === VOID_ACTION) {
      const attemptId = (json as { attemptId?: unknown } | null)?.attemptId;
      if (typeof attemptId === 'string')
        replay.statuses.set(attemptId, { status: 'voided', auditSeq: row.seq });
      continue;
    }
    if (row.action === 'answer.save') {
      const event = answerSaveOf(json);
      if (event === undefined) continue;
      const { attemptId, seq, itemId, value } = event;
      const valueJson = canonicalJson(value);
      let events = replay.events.get(attemptId);
      if (events === undefined) replay.events.set(attemptId, (events = new Map()));
      events.set(seq, { itemId, valueJson, auditSeq: row.seq });
      let current = replay.current.get(attemptId);
      if (current === undefined) replay.current.set(attemptId, (current = new Map()));
      const before = current.get(itemId);
      if (before === undefined || seq > before.seq)
        current.set(itemId, { seq, value, valueJson, auditSeq: row.seq });
      continue;
    }
    const payload = ScoreRecordPayloadSchema.safeParse(json);
    if (!payload.success) {
      note(row.seq, `score.save 记录格式错误 (malformed score record)`);
      continue;
    }
    const { attemptId } = payload.data;
    replay.scores.set(attemptId, { payload: payload.data, auditSeq: row.seq });
    if (payload.data.ticket !== undefined)
      replay.owners.set(attemptId, { payload: payload.data, auditSeq: row.seq });
    if (payload.data.status !== undefined)
      replay.statuses.set(attemptId, { status: payload.data.status, auditSeq: row.seq });
    if (payload.data.adopted === true) continue;
    checkChainedScore(
      row.seq,
      payload.data,
      replay.answers(attemptId),
      keysOf(attemptId),
      who,
      note,
    );
  }

  checkAnswerEvents(db, replay, who, note);
  checkAnswersCurrent(db, replay, who, note);
  checkScores(db, replay, who, note);
  checkOwners(tickets, replay, who, note);
  return problems;
}

/** `attempt.void` (attempts/attempt-service.ts): the one status change after scoring. */
const VOID_ACTION = 'attempt.void';

type AttemptRow = AttemptOwnerRow;

/**
 * Whose score and which status (docs/decisions/0213, owner binding): every attempt's ticket,
 * name and ID number must be the ones its last bound `score.save` names, and its status the one
 * of its last status-fixing record (that `score.save`, or a later `attempt.void`).
 */
function checkOwners(
  attempts: ReadonlyMap<string, AttemptRow>,
  replay: Replay,
  who: (attemptId: string) => string,
  note: Note,
): void {
  for (const [attemptId, row] of attempts) {
    const where = `attempts: ${who(attemptId)}`;
    const owner = replay.owners.get(attemptId);
    if (owner !== undefined) {
      const { payload, auditSeq } = owner;
      if (payload.ticket !== row.ticket)
        note(
          auditSeq,
          `${where}: 准考证号 ${row.ticket} 与审计记录 #${auditSeq} 的 ${payload.ticket ?? '?'} 不符 (admission_ticket edited)`,
        );
      if (payload.identityHash !== identityHash(row.name, row.id_number))
        note(
          auditSeq,
          `${where}: 姓名或身份证号与审计记录 #${auditSeq} 不符 (name or id_number edited)`,
        );
    }
    const chained = replay.statuses.get(attemptId);
    if (chained !== undefined && chained.status !== row.status)
      note(
        chained.auditSeq,
        `${where}: 状态 ${row.status} 与审计记录 #${chained.auditSeq} 的 ${chained.status} 不符 (status edited)`,
      );
  }
}

type Note = (seq: number, problem: string) => void;

function checkChainedScore(
  auditSeq: number,
  payload: ScoreRecordPayload,
  answers: ReadonlyMap<string, AnswerValue>,
  keys: PaperAnswerKeys | undefined,
  who: (attemptId: string) => string,
  note: Note,
): void {
  const name = who(payload.attemptId);
  if (keys === undefined) {
    note(
      auditSeq,
      `${name}: 考试没有可用的答案，无法重算成绩 (no answer key to recompute the score)`,
    );
    return;
  }
  if (answerKeysHash(keys) !== payload.keysHash)
    note(
      auditSeq,
      `exams.answer_key_json: ${name} 评分后答案被修改 (answer key changed since scoring, audit #${auditSeq})`,
    );
  if (answerStateHash(answers) !== payload.answersHash)
    note(
      auditSeq,
      `${name}: 评分所用答案与审计链不符 (answers scored differ from the chained answers, audit #${auditSeq})`,
    );
  let recomputed;
  try {
    recomputed = scoreAttempt(keys, answers, {
      ...(payload.manualMarks === undefined
        ? {}
        : { manualMarks: new Map(Object.entries(payload.manualMarks)) }),
    });
  } catch (error) {
    note(
      auditSeq,
      `${name}: 无法重算成绩 (cannot recompute the score): ${(error as Error).message}`,
    );
    return;
  }
  if (canonicalJson(JSON.parse(JSON.stringify(recomputed))) !== canonicalJson(payload.score))
    note(
      auditSeq,
      `${name}: 审计链中的成绩 ${payload.score.total} 与按答案重算的 ${recomputed.total} 不符 (chained score differs from the recomputed score, audit #${auditSeq})`,
    );
}

function checkAnswerEvents(
  db: ReadableDb,
  replay: Replay,
  who: (attemptId: string) => string,
  note: Note,
): void {
  const seen = new Set<string>();
  const rows = iterateAnswerEventRows(db);
  for (const row of rows) {
    const chained = replay.events.get(row.attempt_id)?.get(row.seq);
    const where = `answer_events: ${who(row.attempt_id)} 试题 ${row.item_id} seq ${row.seq}`;
    if (chained === undefined) {
      note(0, `${where}: 审计链中没有这条答案 (row not in the audit chain)`);
      continue;
    }
    seen.add(`${row.attempt_id}\u0000${row.seq}`);
    if (chained.itemId !== row.item_id || !sameJson(row.value_json, chained.valueJson))
      note(chained.auditSeq, `${where}: 与审计记录 #${chained.auditSeq} 不符 (row edited)`);
  }
  for (const [attemptId, events] of replay.events) {
    for (const [seq, event] of events) {
      if (!seen.has(`${attemptId}\u0000${seq}`))
        note(
          event.auditSeq,
          `answer_events: ${who(attemptId)} 试题 ${event.itemId} seq ${seq}: 记录被删除 (row deleted; audit #${event.auditSeq})`,
        );
    }
  }
}

function checkAnswersCurrent(
  db: ReadableDb,
  replay: Replay,
  who: (attemptId: string) => string,
  note: Note,
): void {
  const seen = new Set<string>();
  const rows = iterateCurrentAnswerRows(db);
  for (const row of rows) {
    const chained = replay.current.get(row.attempt_id)?.get(row.item_id);
    const where = `answers_current: ${who(row.attempt_id)} 试题 ${row.item_id} seq ${row.seq}`;
    if (chained === undefined) {
      note(0, `${where}: 审计链中没有这道题的答案 (row not in the audit chain)`);
      continue;
    }
    seen.add(`${row.attempt_id}\u0000${row.item_id}`);
    if (chained.seq !== row.seq || !sameJson(row.value_json, chained.valueJson))
      note(chained.auditSeq, `${where}: 与审计记录 #${chained.auditSeq} 不符 (row edited)`);
  }
  for (const [attemptId, items] of replay.current) {
    for (const [itemId, answer] of items) {
      if (!seen.has(`${attemptId}\u0000${itemId}`))
        note(
          answer.auditSeq,
          `answers_current: ${who(attemptId)} 试题 ${itemId}: 记录被删除 (row deleted; audit #${answer.auditSeq})`,
        );
    }
  }
}

function checkScores(
  db: ReadableDb,
  replay: Replay,
  who: (attemptId: string) => string,
  note: Note,
): void {
  const rows = scoreRows(db);
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(row.attempt_id);
    const chained = replay.scores.get(row.attempt_id);
    const where = `scores: ${who(row.attempt_id)}`;
    if (chained === undefined) {
      note(0, `${where}: 审计链中没有这条成绩 (score not in the audit chain)`);
      continue;
    }
    const score = chained.payload.score;
    if (
      row.total !== score.total ||
      row.passed !== (score.result === 'pass' ? 1 : 0) ||
      !sameJson(row.detail_json, canonicalJson(score))
    ) {
      note(
        chained.auditSeq,
        `${where}: 成绩 ${row.total}${row.passed === 1 ? ' 合格' : ''} 与审计记录 #${chained.auditSeq} 的 ${score.total} (${score.result}) 不符 (score edited)`,
      );
    }
  }
  for (const [attemptId, chained] of replay.scores) {
    if (!seen.has(attemptId))
      note(
        chained.auditSeq,
        `scores: ${who(attemptId)}: 成绩记录被删除 (row deleted; audit #${chained.auditSeq})`,
      );
  }
}

function sameJson(stored: string, canonical: string): boolean {
  try {
    return canonicalJson(JSON.parse(stored)) === canonical;
  } catch {
    return false;
  }
}
