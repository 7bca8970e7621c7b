import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../db/store';
import { silentNotifier } from '../socket/notifier';
import { rejectionDetail, SaveRejectionLog, type SaveRejection } from './save-rejection-log';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

const rejection = (attemptId: string, seq: number): SaveRejection => ({
  attemptId,
  sessionId: 's1',
  seq,
  itemId: 'q9',
  code: 'NOT_FOUND',
  message: '试卷中没有题目 q9 (unknown item)',
});

function setup() {
  let now = 1_000_000;
  store = openStore(':memory:', { now: () => now });
  const log = new SaveRejectionLog({
    db: store.db,
    audit: store.audit,
    notifier: silentNotifier, // the push to the console is tested with real sockets (security/)
    now: () => now,
    minIntervalMs: 10_000,
  });
  const records = () =>
    store!.db
      .prepare("SELECT actor, payload_json FROM audit_log WHERE action = 'answer.rejected'")
      .all() as { actor: string; payload_json: string }[];
  return { log, records, advance: (ms: number) => (now += ms) };
}

describe('SaveRejectionLog', () => {
  it('audits and pushes the first refusal with what was refused and why', () => {
    const { log, records } = setup();
    expect(log.record(rejection('a1', 7))).toBe(true);
    expect(records()).toHaveLength(1);
    expect(records()[0]!.actor).toBe('candidate:a1');
    expect(JSON.parse(records()[0]!.payload_json)).toMatchObject({
      attemptId: 'a1',
      seq: 7,
      itemId: 'q9',
      code: 'NOT_FOUND',
    });
    expect(rejectionDetail(rejection('a1', 7))).toBe(
      '第 7 条答案（题目 q9）未被接受：试卷中没有题目 q9 (unknown item)',
    );
  });

  it('records one refusal per attempt per interval, each attempt on its own', () => {
    const { log, records, advance } = setup();
    expect(log.record(rejection('a1', 1))).toBe(true);
    expect(log.record(rejection('a1', 2))).toBe(false);
    expect(log.record(rejection('a2', 1))).toBe(true);
    advance(9_999);
    expect(log.record(rejection('a1', 3))).toBe(false);
    advance(1);
    expect(log.record(rejection('a1', 4))).toBe(true);
    expect(records()).toHaveLength(3);
    expect(records().map((r) => r.actor)).toEqual(['candidate:a1', 'candidate:a2', 'candidate:a1']);
  });
});
