import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerStateHash } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { AnswerJournal } from './answer-journal';

const t0 = new Date('2026-11-21T09:00:00.000Z');
const freshPath = () => join(mkdtempSync(join(tmpdir(), 'journal-')), 'journal.db');

describe('AnswerJournal (real journal.db file)', () => {
  it('is durable: WAL with synchronous=FULL on its connection', () => {
    const journal = AnswerJournal.open(freshPath(), 'att-1');
    expect(journal.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
    journal.close();
  });

  it('numbers events from 1 and keeps them across reopen', () => {
    const path = freshPath();
    const a = AnswerJournal.open(path, 'att-1');
    expect(a.record('q1', { kind: 'choice', selected: ['B'] }, t0).seq).toBe(1);
    expect(a.record('q2', { kind: 'true_false', value: false }, t0).seq).toBe(2);
    a.setPosition('q2');
    a.setFlag('q1', true);
    a.close();
    const b = AnswerJournal.open(path, 'att-1');
    expect(b.lastSeq()).toBe(2);
    expect(b.position()).toBe('q2');
    expect([...b.flagged()]).toEqual(['q1']);
    expect(b.record('q1', { kind: 'choice', selected: ['C'] }, t0).seq).toBe(3);
    expect(b.answers().get('q1')).toEqual({ kind: 'choice', selected: ['C'] });
    b.close();
  });

  it('keeps unacked events as the outbox and never moves the ack backwards', () => {
    const journal = AnswerJournal.open(freshPath(), 'att-1');
    for (let i = 1; i <= 5; i += 1) journal.record(`q${i}`, { kind: 'text', text: `答${i}` }, t0);
    expect(journal.pending().map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    journal.acknowledge(3);
    expect(journal.pending().map((e) => e.seq)).toEqual([4, 5]);
    journal.acknowledge(2);
    expect(journal.ackedSeq()).toBe(3);
    journal.acknowledge(99); // a confused server cannot ack what was never written
    expect(journal.ackedSeq()).toBe(5);
    expect(journal.pending()).toEqual([]);
    journal.close();
  });

  it('adopts a lower server ack so lost events go back into the outbox', () => {
    const journal = AnswerJournal.open(freshPath(), 'att-1');
    for (let i = 1; i <= 4; i += 1) journal.record(`q${i}`, null, t0);
    journal.acknowledge(4);
    journal.adoptServerAck(1);
    expect(journal.pending().map((e) => e.seq)).toEqual([2, 3, 4]);
    journal.adoptServerAck(-5);
    expect(journal.ackedSeq()).toBe(0);
    journal.close();
  });

  it('continues above the server’s seq after taking over its copy on a spare PC', () => {
    const journal = AnswerJournal.open(freshPath(), 'att-1');
    journal.importServerState(7, [
      { itemId: 'q1', seq: 3, value: { kind: 'choice', selected: ['A'] } },
      { itemId: 'q2', seq: 7, value: { kind: 'true_false', value: true } },
    ]);
    expect(journal.ackedSeq()).toBe(7);
    expect(journal.pending()).toEqual([]);
    expect(journal.answers().get('q1')).toEqual({ kind: 'choice', selected: ['A'] });
    expect(journal.record('q3', null, t0).seq).toBe(8);
    expect(journal.pending().map((e) => e.seq)).toEqual([8]);
    journal.close();
  });

  it('hashes only the acknowledged answers, the way the server does', () => {
    const journal = AnswerJournal.open(freshPath(), 'att-1');
    journal.record('q1', { kind: 'choice', selected: ['A', 'C'] }, t0);
    journal.record('q2', { kind: 'true_false', value: true }, t0);
    journal.acknowledge(1);
    expect(journal.ackedStateHash()).toBe(
      answerStateHash(new Map([['q1', { kind: 'choice' as const, selected: ['C', 'A'] }]])),
    );
    journal.close();
  });

  it('rejects an invalid value without writing anything', () => {
    const journal = AnswerJournal.open(freshPath(), 'att-1');
    expect(() => journal.record('q1', { kind: 'choice', selected: ['Z'] } as never, t0)).toThrow();
    expect(journal.lastSeq()).toBe(0);
    journal.close();
  });

  it('refuses a journal that belongs to another attempt', () => {
    const path = freshPath();
    AnswerJournal.open(path, 'att-1').close();
    expect(() => AnswerJournal.open(path, 'att-2')).toThrow(/另一场作答 att-1/);
  });

  it('removes every file on destroy', () => {
    const journal = AnswerJournal.open(freshPath(), 'att-1');
    journal.record('q1', null, t0);
    journal.destroy();
    expect(existsSync(journal.path)).toBe(false);
    expect(existsSync(`${journal.path}-wal`)).toBe(false);
  });
});
