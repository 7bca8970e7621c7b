import type { KioskEventNotice, KioskEventPayload } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { queryAll, queryOne, sql } from '@skillexam/shared/sql';
import {
  okData,
  runningSession,
  START,
  type RunningSession,
} from '../test/support/running-session';
import { call, type TestClient } from '../test/support/util';

/*
 * A candidate with a script and their own token floods `kiosk:event`: hundreds of reports a
 * second, to fill the audit chain and the proctors' screens, to keep reporting after handing
 * in, and to push a neighbour's 远程控制软件 warning out of the console's list of recent events.
 * The server rate-limits reports per attempt, coalesces repeats into one record with a count,
 * refuses them after the attempt finished, and the monitor keeps the latest report of each kind
 * per candidate.
 */

let room: RunningSession | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
});

const MINUTE = 60_000;

const report = (kind: KioskEventPayload['kind'], detail = ''): KioskEventPayload => ({
  kind,
  detail,
  clientTime: new Date(START).toISOString(),
});

async function flood(client: TestClient, events: readonly KioskEventPayload[]) {
  const replies = await Promise.all(events.map((event) => call(client, 'kiosk:event', event)));
  return replies.map((reply) => (reply.ok ? 'OK' : reply.error.code));
}

function auditRows(r: RunningSession, attemptId: string): number {
  return (
    queryOne<{ n: number }>(
      r.server.components.store.db,
      sql`SELECT count(*) AS n FROM audit_log WHERE action = 'kiosk.event'
           AND json_extract(payload_json, '$.attemptId') = ${attemptId}`,
    )?.n ?? 0
  );
}

describe('kiosk:event cannot flood the audit chain or bury a warning', () => {
  it('500 reports in a burst become one record with a count, one audit row and one push', async () => {
    room = await runningSession(2);
    const { server, seeded, candidates } = room;
    const [attacker] = candidates;
    const supervisor = await server.staffClient('supervisor');
    const pushes: KioskEventNotice[] = [];
    supervisor.on('monitor:kiosk-event', (notice) => pushes.push(notice));

    const codes = await flood(
      attacker!.client,
      Array.from({ length: 500 }, () => report('focus_lost', '切换到其他窗口')),
    );
    const accepted = codes.filter((code) => code === 'OK').length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(30);
    expect(new Set(codes.filter((code) => code !== 'OK'))).toEqual(new Set(['RATE_LIMITED']));
    expect(auditRows(room, attacker!.attemptId)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pushes.filter((p) => p.attemptId === attacker!.attemptId)).toHaveLength(1);

    const snapshot = okData(
      await call(supervisor, 'monitor:snapshot', { sessionId: seeded.sessionId }),
    );
    expect(snapshot.latestKioskEvents).toEqual([
      expect.objectContaining({
        attemptId: attacker!.attemptId,
        kind: 'focus_lost',
        count: accepted,
      }),
    ]);
  });

  it("a flood of varied reports does not hide another candidate's remote-tool warning", async () => {
    room = await runningSession(2);
    const { seeded, candidates, clock } = room;
    const [attacker, neighbour] = candidates;
    const proctor = room.proctor;
    okData(
      await call(neighbour!.client, 'kiosk:event', report('remote_tool_found', 'TeamViewer.exe')),
    );
    // every window the attacker sends as many different reports as the limit allows
    for (let window = 0; window < 4; window += 1) {
      clock.current = START + window * 11_000;
      await flood(
        attacker!.client,
        Array.from({ length: 30 }, (_, i) =>
          report(i % 2 === 0 ? 'focus_lost' : 'display_changed', `显示器 ${window}-${i}`),
        ),
      );
    }
    const snapshot = okData(
      await call(proctor, 'monitor:snapshot', { sessionId: seeded.sessionId }),
    );
    // the newest-50 list is full of the attacker's reports…
    expect(snapshot.recentKioskEvents).toHaveLength(50);
    expect(snapshot.recentKioskEvents.some((e) => e.attemptId === neighbour!.attemptId)).toBe(
      false,
    );
    // …but the latest of each kind per candidate keeps the warning
    expect(snapshot.latestKioskEvents).toContainEqual(
      expect.objectContaining({
        attemptId: neighbour!.attemptId,
        kind: 'remote_tool_found',
        detail: 'TeamViewer.exe',
        count: 1,
      }),
    );
    expect(
      snapshot.latestKioskEvents.filter((e) => e.attemptId === attacker!.attemptId),
    ).toHaveLength(2);
  });

  it('refuses reports after the attempt finished, without an audit row or a push', async () => {
    room = await runningSession(1);
    const { server, candidates, clock } = room;
    const [candidate] = candidates;
    const admin = await server.staffClient('admin');
    const pushes: KioskEventNotice[] = [];
    admin.on('monitor:kiosk-event', (notice) => pushes.push(notice));
    clock.current = START + 31 * MINUTE;
    okData(await call(candidate!.client, 'attempt:submit', {}));
    const before = auditRows(room, candidate!.attemptId);
    const reply = await call(candidate!.client, 'kiosk:event', report('vm_suspected', 'VMware'));
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('不再接收考试机事件') },
    });
    expect(
      await flood(
        candidate!.client,
        Array.from({ length: 20 }, () => report('focus_lost')),
      ),
    ).toEqual(Array.from({ length: 20 }, () => 'CONFLICT'));
    expect(auditRows(room, candidate!.attemptId)).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pushes).toEqual([]);
  });
});

describe('kiosk:event alternating details cannot defeat coalescing', () => {
  it('A, B, A, B… within the window become one record, one audit row and one push per detail', async () => {
    room = await runningSession(1);
    const { server, candidates } = room;
    const [attacker] = candidates;
    const supervisor = await server.staffClient('supervisor');
    const pushes: KioskEventNotice[] = [];
    supervisor.on('monitor:kiosk-event', (notice) => pushes.push(notice));
    const codes: string[] = [];
    // sequential: each report sees the previous one, as a script looping over two details would
    for (let i = 0; i < 20; i += 1) {
      const reply = await call(
        attacker!.client,
        'kiosk:event',
        report('display_changed', i % 2 === 0 ? '显示器 A' : '显示器 B'),
      );
      codes.push(reply.ok ? 'OK' : reply.error.code);
    }
    expect(codes).toEqual(Array.from({ length: 20 }, () => 'OK'));
    expect(auditRows(room, attacker!.attemptId)).toBe(2);
    const rows = queryAll<{ detail: string; count: number }>(
      server.components.store.db,
      sql`SELECT detail, count FROM kiosk_events WHERE attempt_id = ${attacker!.attemptId} ORDER BY id`,
    );
    expect(rows).toEqual([
      { detail: '显示器 A', count: 10 },
      { detail: '显示器 B', count: 10 },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pushes.filter((p) => p.attemptId === attacker!.attemptId)).toHaveLength(2);
  });
});
