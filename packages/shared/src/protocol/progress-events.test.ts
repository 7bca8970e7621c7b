import { describe, expect, it } from 'vitest';
import { createProgress, type ProgressEvent } from '../progress/progress';
import { bankChannels } from './bank-channels';
import { HostEventSchema, isChannelAllowed } from './ipc-contract';
import { OperationIdSchema, ProgressEventSchema } from './progress-events';

describe('bank progress over the desktop bridge', () => {
  it('carries every event createProgress sends as a bank:progress host event', () => {
    const events: ProgressEvent[] = [];
    const progress = createProgress((event) => events.push(event), { minIntervalMs: 0 });
    const phase = progress.phase('writing', { label: '题库.csv', total: 2048, unit: 'bytes' });
    phase.advance(1024);
    phase.advance(1024);
    phase.end();
    expect(events).toHaveLength(4);
    for (const event of events) {
      expect(ProgressEventSchema.parse(event)).toEqual(event);
      const pushed = { type: 'bank:progress', operationId: 'op-1', event };
      expect(HostEventSchema.parse(pushed)).toEqual(pushed);
    }
  });

  it('refuses odd operation ids and events the engines never send', () => {
    for (const id of ['', 'a b', 'x'.repeat(65), '../etc', '操作']) {
      expect(OperationIdSchema.safeParse(id).success).toBe(false);
    }
    expect(OperationIdSchema.safeParse('op-3f2a_9').success).toBe(true);
    expect(ProgressEventSchema.safeParse({ phase: 'guessing', done: 1 }).success).toBe(false);
    expect(ProgressEventSchema.safeParse({ phase: 'writing', done: -1 }).success).toBe(false);
  });

  it('the cancel channel is the author window’s, taking only an operation id', () => {
    const cancel = bankChannels['bank:cancel-operation'];
    expect(isChannelAllowed('author', 'bank:cancel-operation')).toBe(true);
    expect(isChannelAllowed('kiosk', 'bank:cancel-operation')).toBe(false);
    expect(cancel.input.safeParse({ operationId: 'op-1' }).success).toBe(true);
    expect(cancel.input.safeParse({ operationId: 'op-1', all: true }).success).toBe(false);
    const importInput = bankChannels['bank:import-items'].input;
    const call = { fileName: 'a.csv', data: '', dryRun: true, validOnly: false };
    expect(importInput.safeParse({ ...call, operationId: 'op-2' }).success).toBe(true);
    expect(importInput.safeParse({ ...call, operationId: 'op 2' }).success).toBe(false);
  });
});
