import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { lookupCode } from '../src/lookup/lookup-code';
import { lookupSecret } from '../src/lookup/verify-certificate';
import { describeStores } from '../test/support/center-db';
import { startTestCenter } from '../test/support/center-server';
import {
  allocatedRange,
  buildWorld,
  callFrom,
  draftBatch,
  issue,
  ok,
  theoryResults,
  type RawReply,
  type World,
} from './support/world';

/*
 * The public certificate lookup (docs/decisions/1025-public-lookup-without-enumeration.md) as a
 * scraper would use it: sequential numbers with a common name, names guessed for a known number,
 * ID tails guessed, QR links forged for other numbers, one address hammering. A miss must look the
 * same whatever the reason (status, body, length); the page shows no more than it should.
 * Every probe comes from its own 127.0.0.x address unless the limiter itself is under test.
 */

let nextHost = 10;
const freshAddress = () => `127.0.0.${String((nextHost += 1))}`;

describeStores('public lookup attacks', (getDb) => {
  let world: World;
  let numbers: string[] = [];
  let idNumbers: string[] = [];
  const names = ['张伟', '李娜', '王芳'];

  beforeAll(async () => {
    const db = getDb();
    world = await buildWorld(await startTestCenter(db), db);
    await allocatedRange(world, world.a1, '000901');
    const results = await theoryResults(world, world.orgA, 3, { names });
    idNumbers = results.idNumbers;
    const batchId = await draftBatch(world, world.a1, results.examId, idNumbers);
    ok(
      await world.centre.call('POST', `/api/batches/${batchId}/submit`, { token: world.a1.token }),
      'submit',
    );
    ok(
      await world.centre.call('POST', `/api/batches/${batchId}/approve`, { token: world.a2.token }),
      'approve',
    );
    numbers = await issue(world, world.a1, batchId);
    expect(numbers).toHaveLength(3);
  });
  afterAll(() => world.centre.close());

  const byProof = (number: string, proof: string, from = freshAddress()) =>
    callFrom(world.centre.url, from, 'POST', '/verify', {
      type: 'application/x-www-form-urlencoded',
      bytes: new URLSearchParams({ number, proof }).toString(),
    });
  const byCode = (number: string, code: string, from = freshAddress()) =>
    callFrom(world.centre.url, from, 'GET', `/verify/${number}/${code}`);

  /** A reply with the number the asker typed blanked out (it is echoed in the form). */
  const shape = (reply: RawReply, number: string) => ({
    status: reply.status,
    length: Buffer.byteLength(reply.body),
    body: reply.body.replaceAll(number, '#'),
  });

  it('a wrong name for a real number and any name for a missing number look the same', async () => {
    const [first, second] = numbers as [string, string];
    const missing = `${first.slice(0, 16)}900000`;
    const wrongName = await byProof(second, names[0] ?? '');
    const noSuchNumber = await byProof(missing, names[0] ?? '');
    expect(wrongName.status).toBe(404);
    expect(shape(wrongName, second)).toEqual(shape(noSuchNumber, missing));
    // the same for guessed ID tails
    const wrongTail = await byProof(second, '0000');
    const tailOfMissing = await byProof(missing, '0000');
    expect(shape(wrongTail, second)).toEqual(shape(tailOfMissing, missing));
    // and the right pair opens it
    const right = await byProof(first, names[0] ?? '');
    expect(right.status).toBe(200);
    expect(right.body).toContain(first);
  });

  it('walking sequential numbers with a common name finds only that holder', async () => {
    const found: string[] = [];
    const prefix = (numbers[0] ?? '').slice(0, 16);
    const missShapes = new Set<string>();
    for (let serial = 1; serial <= 8; serial += 1) {
      const number = `${prefix}${String(serial).padStart(6, '0')}`;
      const reply = await byProof(number, '张伟');
      if (reply.status === 200) found.push(number);
      else missShapes.add(JSON.stringify(shape(reply, number)));
    }
    expect(found).toEqual([numbers[0]]);
    expect(missShapes.size).toBe(1);
  });

  it('a QR code cannot be moved to another number, guessed, or made with another secret', async () => {
    const [first, second] = numbers as [string, string];
    const secret = await lookupSecret(world.db);
    const good = await byCode(first, lookupCode(secret, first));
    expect(good.status).toBe(200);
    const missing = `${first.slice(0, 16)}900000`;
    const miss = shape(await byCode(missing, lookupCode(secret, missing)), missing);
    for (const [number, code] of [
      [second, lookupCode(secret, first)], // another certificate's code
      [second, lookupCode(randomBytes(32), second)], // a made-up secret
      [second, lookupCode(secret, first).slice(0, 21)], // truncated
      [second, `${lookupCode(secret, second)}A`], // a valid code with a character appended
      [second, 'A'.repeat(22)],
    ] as const) {
      const reply = await byCode(number, encodeURIComponent(code));
      expect({ code, ...shape(reply, number) }).toEqual({ code, ...miss });
    }
  });

  it('one address is rate-limited (429 with Retry-After, even for a right answer); others are not', async () => {
    const scraper = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1)
      statuses.push((await byProof(numbers[0] ?? '', `猜${String(i)}`, scraper)).status);
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await byProof(numbers[0] ?? '', names[0] ?? '', scraper);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).not.toContain(idNumbers[0]?.slice(-4) ?? 'x');
    // claiming to be someone else in forwarding headers changes nothing
    const spoofed = await callFrom(
      world.centre.url,
      scraper,
      'POST',
      '/verify',
      {
        type: 'application/x-www-form-urlencoded',
        bytes: new URLSearchParams({ number: numbers[0] ?? '', proof: names[0] ?? '' }).toString(),
      },
      {
        'x-forwarded-for': '203.0.113.7',
        'x-real-ip': '203.0.113.8',
        forwarded: 'for=203.0.113.9',
      },
    );
    expect(spoofed.status).toBe(429);
    // the QR route shares the budget
    const secret = await lookupSecret(world.db);
    expect(
      (await byCode(numbers[0] ?? '', lookupCode(secret, numbers[0] ?? ''), scraper)).status,
    ).toBe(429);
    expect((await byProof(numbers[0] ?? '', names[0] ?? '')).status).toBe(200);
  });

  it('the page shows the masked ID number only, and nothing internal; it is not cached', async () => {
    const id = idNumbers[1] ?? '';
    const reply = await byProof(numbers[1] ?? '', id.slice(-6));
    expect(reply.status).toBe(200);
    expect(reply.body).not.toContain(id);
    expect(reply.body).not.toContain(id.slice(6, 14)); // birth date
    expect(reply.body).toContain(`${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(-4)}`);
    for (const internal of [world.orgA, world.a1.username, 'batch', 'B-']) {
      expect(reply.body).not.toContain(internal);
    }
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    // the other holders' names never appear
    expect(reply.body).not.toContain(names[0]);
    expect(reply.body).not.toContain(names[2]);
  });

  it('a voided certificate still answers, as voided, and leaks no reason', async () => {
    const number = numbers[2] ?? '';
    ok(
      await world.centre.call('POST', `/api/certificates/${number}/void`, {
        token: world.a1.token,
        body: { reason: '内部原因-考场舞弊' },
      }),
      'void',
    );
    const reply = await byProof(number, names[2] ?? '');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('作废');
    expect(reply.body).not.toContain('内部原因');
  });
});
