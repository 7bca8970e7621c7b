import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { canonicalAnswerState, answerStateHash, canonicalJson, type AnswerValue } from './answer';
import type { Ack } from './ack';
import type { AttemptView, SessionView } from './exam-events';
import type { ContentKey, SealedPaper } from './sealed-paper';
import type { IncidentCreatePayload, IncidentView } from './console-events';
import { serverPushes, socketContract } from './socket-events';
import type {
  ClientAckData,
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  ParsedClientPayload,
  ServerPush,
  ServerToClientEvents,
} from './socket-events-types';

const KEBAB_EVENT = /^[a-z]+:[a-z]+(?:-[a-z]+)*$/;

describe('socket contract', () => {
  it('names every event and push `domain:kebab-case`', () => {
    const names = [...Object.keys(socketContract), ...Object.keys(serverPushes)];
    expect(names.filter((name) => !KEBAB_EVENT.test(name))).toEqual([]);
    expect(Object.keys(socketContract)).toContain('attempt:resync');
    expect(Object.keys(serverPushes)).toContain('system:shutdown');
  });

  it('derives the socket.io maps and the payload / ack types from the schemas (compile-time)', () => {
    expectTypeOf<keyof typeof socketContract>().toEqualTypeOf<ClientEventName>();
    expectTypeOf<keyof ClientToServerEvents>().toEqualTypeOf<ClientEventName>();
    expectTypeOf<keyof ServerToClientEvents>().toEqualTypeOf<keyof typeof serverPushes>();
    expectTypeOf<z.infer<(typeof socketContract)['answer:save']['payload']>>().toEqualTypeOf<
      Parameters<ClientToServerEvents['answer:save']>[0]
    >();
    expectTypeOf<ClientPayload<'proctor:extend'>>().toEqualTypeOf<
      Parameters<ClientToServerEvents['proctor:extend']>[0]
    >();
    expectTypeOf<Parameters<ClientToServerEvents['session:start']>[1]>().toEqualTypeOf<
      (result: Ack<SessionView>) => void
    >();
    expectTypeOf<ClientAckData<'attempt:submit'>>().toEqualTypeOf<AttemptView>();
    expectTypeOf<ClientAckData<'incident:create'>>().toEqualTypeOf<IncidentView>();
    // a client may leave out what the schema defaults; the handler sees it filled
    expectTypeOf<ClientPayload<'incident:create'>>().toEqualTypeOf<IncidentCreatePayload>();
    expectTypeOf<ParsedClientPayload<'kiosk:event'>['detail']>().toEqualTypeOf<string>();
    expectTypeOf<ServerPush<'monitor:attempt'>>().toEqualTypeOf<AttemptView>();
    expectTypeOf<
      Parameters<ServerToClientEvents['monitor:session']>[0]
    >().toEqualTypeOf<SessionView>();
  });

  it('releases content only as a sealed paper and a separate key (no plaintext paper event)', () => {
    expectTypeOf<ClientAckData<'attempt:sealed-paper'>>().toEqualTypeOf<SealedPaper>();
    expectTypeOf<ClientAckData<'attempt:content-key'>>().toEqualTypeOf<ContentKey>();
    expect(Object.keys(socketContract)).not.toContain('attempt:paper');
    expect(socketContract['attempt:content-key'].payload.safeParse({}).success).toBe(true);
  });

  it('rejects unknown fields on payload-less events and blank reasons', () => {
    expect(socketContract['attempt:submit'].payload.safeParse({ force: true }).success).toBe(false);
    expect(
      socketContract['proctor:void'].payload.safeParse({ attemptId: 'a1', reason: '  ' }).success,
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
