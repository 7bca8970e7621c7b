import { describe, expect, it } from 'vitest';
import { SqlQuery, sql, sqlId, sqlJoin, sqlList } from './index';

describe('sql tagged template', () => {
  it('turns every value into a bound parameter, in order', () => {
    const query = sql`SELECT * FROM items WHERE id = ${'a'} AND n > ${3} AND b IS ${null}`;
    expect(query).toBeInstanceOf(SqlQuery);
    expect(query.text).toBe('SELECT * FROM items WHERE id = ? AND n > ? AND b IS ?');
    expect(query.params).toEqual(['a', 3, null]);
  });

  it('splices a nested query with its own parameters at its place', () => {
    const where = sql`kind = ${'single'} AND score >= ${2}`;
    const query = sql`SELECT id FROM items WHERE owner = ${'u1'} AND ${where} LIMIT ${10}`;
    expect(query.text).toBe(
      'SELECT id FROM items WHERE owner = ? AND kind = ? AND score >= ? LIMIT ?',
    );
    expect(query.params).toEqual(['u1', 'single', 2, 10]);
  });

  it('keeps a value that looks like SQL a parameter', () => {
    const query = sql`SELECT 1 WHERE x = ${"'; DROP TABLE items; --"}`;
    expect(query.text).toBe('SELECT 1 WHERE x = ?');
  });
});

describe('sqlId', () => {
  it('quotes a safe identifier and adds no parameter', () => {
    const query = sql`SELECT count(*) FROM ${sqlId('audit_log')}`;
    expect(query.text).toBe('SELECT count(*) FROM "audit_log"');
    expect(query.params).toEqual([]);
  });

  it.each(['', '1abc', 'a b', 'a"b', 'x;DROP', 'née'])('refuses %j', (name) => {
    expect(() => sqlId(name)).toThrow(/SQL 标识符不合法.*not a safe SQL identifier/);
  });
});

describe('sqlJoin and sqlList', () => {
  it('joins queries with their parameters', () => {
    const joined = sqlJoin([sql`a = ${1}`, sql`b = ${2}`, sql`c IS NULL`], ' AND ');
    expect(joined.text).toBe('a = ? AND b = ? AND c IS NULL');
    expect(joined.params).toEqual([1, 2]);
    expect(sqlJoin([sql`x`, sql`y`]).text).toBe('x, y');
  });

  it('lists values for IN (…) and refuses an empty list', () => {
    const query = sql`SELECT * FROM t WHERE id IN (${sqlList(['a', 'b', 'c'])})`;
    expect(query.text).toBe('SELECT * FROM t WHERE id IN (?, ?, ?)');
    expect(query.params).toEqual(['a', 'b', 'c']);
    expect(() => sqlList([])).toThrow(/至少需要一个值/);
  });
});
