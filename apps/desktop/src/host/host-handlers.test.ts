import { tmpdir } from 'node:os';
import { CandidatePaperSchema, dispatchIpc } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { createHostHandlers } from './host-handlers';

describe('host handlers', () => {
  const fixed = new Date('2026-11-21T10:00:00.000Z');
  const handlers = createHostHandlers({
    runtime: 'node',
    version: '1.2.3',
    now: () => fixed,
    journalDir: tmpdir(),
  });

  it('reports the real process it runs in', async () => {
    const reply = await dispatchIpc(handlers, 'author', 'app:get-info', {});
    expect(reply).toEqual({
      ok: true,
      data: {
        product: 'SkillExam',
        version: '1.2.3',
        runtime: 'node',
        windowKind: 'author',
        nodeVersion: process.version,
        platform: process.platform,
        pid: process.pid,
        startedAt: fixed.toISOString(),
      },
    });
  });

  it('serves a practice paper to the kiosk only, sized like a level-4 paper, without keys', async () => {
    const reply = await dispatchIpc(handlers, 'kiosk', 'exam:practice-paper', {});
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const paper = CandidatePaperSchema.parse(reply.data);
    const items = paper.sections.flatMap((s) => s.items);
    expect(items).toHaveLength(200);
    expect(items.map((i) => i.number)).toEqual(items.map((_, k) => k + 1));
    expect(items.reduce((sum, i) => sum + i.points, 0)).toBe(paper.fullMarks);
    expect(JSON.stringify(reply.data)).not.toMatch(/"key"|explanation/);
    expect((await dispatchIpc(handlers, 'author', 'exam:practice-paper', {})).ok).toBe(false);
  });

  it('echoes Chinese text unchanged', async () => {
    const reply = await dispatchIpc(handlers, 'kiosk', 'app:echo', { message: '考生 张三' });
    expect(reply).toEqual({
      ok: true,
      data: { message: '考生 张三', receivedAt: fixed.toISOString() },
    });
  });
});
