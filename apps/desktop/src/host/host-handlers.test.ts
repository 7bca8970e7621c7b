import { dispatchIpc } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { createHostHandlers } from './host-handlers';

describe('host handlers', () => {
  const fixed = new Date('2026-11-21T10:00:00.000Z');
  const handlers = createHostHandlers({ runtime: 'node', version: '1.2.3', now: () => fixed });

  it('reports the real process it runs in', async () => {
    const reply = await dispatchIpc(handlers, 'author', 'app:getInfo', {});
    expect(reply).toEqual({
      ok: true,
      data: {
        product: 'SkillExam',
        version: '1.2.3',
        runtime: 'node',
        nodeVersion: process.version,
        platform: process.platform,
        pid: process.pid,
        startedAt: fixed.toISOString(),
      },
    });
  });

  it('echoes Chinese text unchanged', async () => {
    const reply = await dispatchIpc(handlers, 'kiosk', 'app:echo', { message: '考生 张三' });
    expect(reply).toEqual({
      ok: true,
      data: { message: '考生 张三', receivedAt: fixed.toISOString() },
    });
  });
});
