import { describe, expect, it } from 'vitest';
import { NestedStoreUseError } from '../../src/db/nesting-guard';
import { describeStores } from '../support/center-db';

describeStores('centre store', (getDb) => {
  it('returns int8, numeric, date, timestamptz and jsonb by the one value rule', async () => {
    const [row] = await getDb().query<Record<string, unknown>>(
      `SELECT 9007199254740991::int8 AS big, count(*) AS n, 87.5::numeric AS score,
              '2026-03-01'::date AS day, '2026-03-01T08:00:00.123Z'::timestamptz AS at,
              $1::jsonb AS doc, 3::int4 AS small, true AS yes`,
      [JSON.stringify({ list: [1, 2], name: '张三' })],
    );
    expect(row).toEqual({
      big: 9007199254740991,
      n: 1,
      score: 87.5,
      day: '2026-03-01',
      at: new Date('2026-03-01T08:00:00.123Z'),
      doc: { list: [1, 2], name: '张三' },
      small: 3,
      yes: true,
    });
  });

  it('refuses an int8 beyond 2^53 instead of rounding it', async () => {
    await expect(getDb().query('SELECT 9007199254740993::int8 AS big')).rejects.toThrow(/2\^53/);
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    const db = getDb();
    await db.exec('CREATE TABLE tx_probe (id int PRIMARY KEY)');
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe VALUES ($1)', [1]);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES ($1)', [2]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES ($1)', [3]);
        await tx.query('INSERT INTO tx_probe VALUES ($1)', [1]);
      }),
    ).rejects.toThrow();
    const rows = await db.query<{ id: number }>('SELECT id FROM tx_probe ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([1]);
  });

  it('refuses nested use of the store inside a transaction instead of deadlocking', async () => {
    const db = getDb();
    await expect(db.transaction(() => db.query('SELECT 1'))).rejects.toBeInstanceOf(
      NestedStoreUseError,
    );
    await expect(db.transaction(() => db.transaction(async () => 1))).rejects.toBeInstanceOf(
      NestedStoreUseError,
    );
    // the store is usable afterwards
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('refuses a tx used after its transaction ended', async () => {
    const db = getDb();
    let leaked: { query: (text: string) => Promise<unknown> } | undefined;
    await db.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.query('SELECT 1')).rejects.toThrow(/already ended/);
  });

  it('runs concurrent transactions without losing an update', async () => {
    const db = getDb();
    await db.exec('CREATE TABLE counter_probe (id int PRIMARY KEY, n int NOT NULL)');
    await db.query('INSERT INTO counter_probe VALUES (1, 0)');
    await Promise.all(
      Array.from({ length: 8 }, () =>
        db.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>(
            'SELECT n FROM counter_probe WHERE id = 1 FOR UPDATE',
          );
          await tx.query('UPDATE counter_probe SET n = $1 WHERE id = 1', [row!.n + 1]);
        }),
      ),
    );
    expect(await db.query('SELECT n FROM counter_probe')).toEqual([{ n: 8 }]);
  });
});

describe('test store kinds', () => {
  it('always include PGlite', async () => {
    const { testStoreKinds } = await import('../support/center-db');
    expect(testStoreKinds()[0]).toBe('pglite');
  });
});
