import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Ack } from './ack';
import { checkAck, checkPush } from './socket-call';
import type { AnswerSaveResult } from './answer';

describe('checkAck', () => {
  it('passes a reply of the contract shape on as sent, typed by the event', () => {
    const reply = { ok: true, data: { ackedSeq: 3 } };
    const checked = checkAck('answer:save', reply);
    expectTypeOf(checked).toEqualTypeOf<Ack<AnswerSaveResult>>();
    expect(checked).toBe(reply);
    const failed = { ok: false, error: { code: 'PAUSED', message: '考试已暂停' } };
    expect(checkAck('answer:save', failed)).toBe(failed);
  });

  it('turns a reply of another shape into a failed INTERNAL ack naming the event and the field', () => {
    const wrongData = checkAck('answer:save', { ok: true, data: { ackedSeq: 'three' } });
    expect(wrongData).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('answer:save') as string },
    });
    expect(!wrongData.ok && wrongData.error.message).toMatch(/不符合协议.*ackedSeq/);
    for (const reply of [undefined, 'ok', { data: { ackedSeq: 1 } }]) {
      expect(checkAck('answer:save', reply)).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL' },
      });
    }
  });

  it('keeps a refusal with a code this client does not know as the server sent it', () => {
    // A newer server may refuse with a new code: the caller sees the server's code and message
    // (the kiosk's outbox treats unknown codes as permanent), not a contract failure.
    const refusal = { ok: false, error: { code: 'OOPS', message: '新版本的拒绝理由' } };
    expect(checkAck('system:ping', refusal)).toBe(refusal);
    expect(checkAck('system:ping', { ok: false, error: { code: 7 } })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/不符合协议/) as string },
    });
  });
});

describe('checkPush', () => {
  it('returns a push of the contract shape and throws naming a push of another shape', () => {
    const notice = { reason: 'maintenance', at: 1 };
    expect(checkPush('system:shutdown', notice)).toBe(notice);
    expect(() => checkPush('system:shutdown', { reason: 'x' })).toThrow(/system:shutdown.*at/);
    expect(() => checkPush('attempt:revoked', null)).toThrow(/不符合协议/);
  });
});
