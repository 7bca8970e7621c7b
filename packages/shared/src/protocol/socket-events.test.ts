import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { canonicalAnswerState, answerStateHash, canonicalJson, type AnswerValue } from './answer';
import type { ContentKey, SealedPaper } from './sealed-paper';
import {
  clientPayloadSchemas,
  type ClientAckData,
  type ClientEventName,
  type ClientToServerEvents,
} from './socket-events';

describe('socket contract', () => {
  it('every client event has a payload schema whose type is the handler payload (compile-time)', () => {
    expectTypeOf<keyof typeof clientPayloadSchemas>().toEqualTypeOf<ClientEventName>();
    expectTypeOf<z.infer<(typeof clientPayloadSchemas)['answer:save']>>().toEqualTypeOf<
      Parameters<ClientToServerEvents['answer:save']>[0]
    >();
    expectTypeOf<z.infer<(typeof clientPayloadSchemas)['proctor:extend']>>().toEqualTypeOf<
      Parameters<ClientToServerEvents['proctor:extend']>[0]
    >();
    expect(Object.keys(clientPayloadSchemas)).toContain('attempt:resync');
  });

  it('releases content only as a sealed paper and a separate key (no plaintext paper event)', () => {
    expectTypeOf<ClientAckData<'attempt:sealed-paper'>>().toEqualTypeOf<SealedPaper>();
    expectTypeOf<ClientAckData<'attempt:content-key'>>().toEqualTypeOf<ContentKey>();
    expect(Object.keys(clientPayloadSchemas)).not.toContain('attempt:paper');
    expect(clientPayloadSchemas['attempt:content-key'].safeParse({}).success).toBe(true);
  });

  it('rejects unknown fields on payload-less events and blank reasons', () => {
    expect(clientPayloadSchemas['attempt:submit'].safeParse({ force: true }).success).toBe(false);
    expect(
      clientPayloadSchemas['proctor:void'].safeParse({ attemptId: 'a1', reason: '  ' }).success,
    ).toBe(false);
  });
});

describe('answer state hash', () => {
  it('ignores key order, choice order and cleared answers', () => {
    const a = new Map<string, AnswerValue>([
      ['sc1', { kind: 'choice', selected: ['C', 'A'] }],
      ['fb1', { kind: 'blanks', values: { b2: 'x', b1: 'y' } }],
      ['tf1', null],
    ]);
    const b = new Map<string, AnswerValue>([
      ['fb1', { kind: 'blanks', values: { b1: 'y', b2: 'x' } }],
      ['sc1', { kind: 'choice', selected: ['A', 'C'] }],
    ]);
    expect(canonicalAnswerState(a)).toBe(canonicalAnswerState(b));
    expect(answerStateHash(a)).toBe(answerStateHash(b));
    expect(answerStateHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(answerStateHash(new Map([['sc1', { kind: 'choice', selected: ['A'] }]]))).not.toBe(
      answerStateHash(b),
    );
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] })).toBe('{"a":[2,{"c":2,"d":1}],"b":1}');
  });
});
