import { afterEach, describe, expect, it } from 'vitest';
import { seatSession, type SeatSession } from '../test/seats/seat-fixture';
import { bombXlsx } from '../../../packages/item-bank/test/import-export/support/bomb-xlsx';

/*
 * An exam admin uploads a roster .xlsx that is a zip bomb (a 48 MB sheet in a few dozen KB):
 * the roster import and its preview refuse it with the reason, before inflating the sheet or
 * building a workbook; nothing is written and the server keeps answering (docs/decisions/0996).
 */

let s: SeatSession | undefined;
afterEach(async () => {
  await s?.server.closeAll();
  s = undefined;
});

describe('a roster .xlsx zip bomb', () => {
  it('is refused by the import (400) and the preview, and the server still answers', async () => {
    s = await seatSession();
    const { server, sessionId } = s;
    const bomb = bombXlsx(48, 'T0001');
    expect(bomb.length).toBeLessThan(256 * 1024);
    const token = await server.staffToken('admin');
    const before = { seats: s.seats(), audits: s.auditCount() };
    const upload = (route: string) =>
      fetch(
        `${server.url}${route}?sessionId=${sessionId}&fileName=${encodeURIComponent('名单.xlsx')}`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/octet-stream',
          },
          body: bomb,
        },
      );

    const imported = await upload('/api/sessions/roster');
    expect(imported.status).toBe(400);
    const refusal = (await imported.json()) as { error: { message: string } };
    expect(refusal.error.message).toMatch(
      /名单\.xlsx.*无法读取文件.*xl\/worksheets\/sheet1\.xml.*疑似压缩炸弹/s,
    );

    const preview = await upload('/api/sessions/roster-preview');
    const previewed = (await preview.json()) as {
      data?: { rows: unknown[]; issues: { file: string; row: number; reason: string }[] };
    };
    expect(previewed.data?.rows).toEqual([]);
    expect(previewed.data?.issues).toEqual([
      expect.objectContaining({
        file: '名单.xlsx',
        row: 0,
        reason: expect.stringMatching(/疑似压缩炸弹/) as unknown,
      }),
    ]);

    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    expect({ seats: s.seats(), audits: s.auditCount() }).toEqual(before);
  });
});
