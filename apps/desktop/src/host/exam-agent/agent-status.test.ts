import type { AttemptView } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { agentStatus, type AgentFacts } from './agent-status';

const attempt: AttemptView = {
  attemptId: 'A-2026-0412-017',
  sessionId: 'S-电工四级-上午',
  admissionTicketNumber: '4403202612010017',
  name: '王建国',
  maskedIdNumber: '440304********2315',
  roomId: '第一考场',
  seat: 17,
  status: 'in_progress',
  identityConfirmed: true,
  startedAt: 1_764_990_000_000,
  deadlineAt: 1_764_995_400_000,
  extensionMs: 0,
  ackedSeq: 12,
  serverTime: 1_764_991_000_000,
};

const facts = (over: Partial<AgentFacts>): AgentFacts => ({
  connection: 'online',
  outbox: { state: 'synced' },
  pending: 0,
  attempt,
  remainingMs: 4_400_000,
  message: undefined,
  content: 'open',
  notices: [],
  ...over,
});

describe('the save badge', () => {
  it('says 已同步 when every journaled answer is acknowledged', () => {
    expect(agentStatus(facts({})).save).toBe('synced');
  });

  it('says 已保存到本机 while answers wait to be sent', () => {
    const status = agentStatus(facts({ pending: 3, outbox: { state: 'sending', pending: 3 } }));
    expect(status.save).toBe('local');
    expect(status.pending).toBe(3);
  });

  it('says 离线 when the connection is down, whatever is pending', () => {
    expect(agentStatus(facts({ connection: 'offline', pending: 2 })).save).toBe('offline');
    expect(agentStatus(facts({ connection: 'offline' })).save).toBe('offline');
  });

  it('says held while the exam is paused and answers wait for the resume', () => {
    const held = { state: 'held', pending: 1, message: '考试已暂停' } as const;
    expect(agentStatus(facts({ pending: 1, outbox: held })).save).toBe('held');
  });

  it('shows a refusal as a refusal, even offline, with the server reason as the message', () => {
    const rejected = {
      state: 'rejected',
      pending: 1,
      code: 'BAD_REQUEST',
      message: '第 5 题的答案格式不正确',
      seq: 13,
      itemId: 'item-0005',
    } as const;
    const status = agentStatus(
      facts({ connection: 'offline', pending: 1, outbox: rejected, message: '网络已断开' }),
    );
    expect(status.save).toBe('rejected');
    expect(status.message).toBe('第 5 题的答案格式不正确');
    expect(status.saveRejection).toEqual({
      code: 'BAD_REQUEST',
      message: '第 5 题的答案格式不正确',
      seq: 13,
      itemId: 'item-0005',
    });
  });

  it('forgets a refusal once nothing is pending', () => {
    const rejected = {
      state: 'rejected',
      pending: 0,
      code: 'BAD_REQUEST',
      message: '第 5 题的答案格式不正确',
      seq: 13,
      itemId: 'item-0005',
    } as const;
    const status = agentStatus(facts({ outbox: rejected }));
    expect(status.save).toBe('synced');
    expect(status).not.toHaveProperty('saveRejection');
  });
});

describe('the rest of the status', () => {
  it('leaves out what is unknown and copies the notices', () => {
    const notices = [{ text: '请保持安静', from: '监考员 李老师', at: 1_764_991_200_000 }];
    const status = agentStatus(facts({ remainingMs: undefined, notices }));
    expect(status).not.toHaveProperty('remainingMs');
    expect(status).not.toHaveProperty('message');
    expect(status.notices).toEqual(notices);
    expect(status.notices).not.toBe(notices);
    expect(status.attempt).toBe(attempt);
    expect(status.content).toBe('open');
  });
});
