import { afterAll, beforeAll, expect, it } from 'vitest';
import { csvOf } from '../test/batches/support/score-sheets';
import { describeStores } from '../test/support/center-db';
import { startTestCenter, TEST_PASSWORD, type TestCaller } from '../test/support/center-server';
import { auditCount, buildWorld, draftBatch, ok, theoryResults, type World } from './support/world';

/*
 * Four-eyes review (docs/decisions/1030-batches-and-four-eyes.md): whoever submitted a batch or made
 * its content cannot approve it — not directly, not with a second login of the same account, not
 * after a return and a resubmission, not by becoming a maker after returning it — and nothing
 * changes a batch's scores once it is approved.
 */

describeStores('four-eyes review', (getDb) => {
  let world: World;
  let a3: TestCaller;

  beforeAll(async () => {
    const db = getDb();
    world = await buildWorld(await startTestCenter(db), db);
    a3 = await world.centre.signIn('org_staff', { organisationId: world.orgA });
  });
  afterAll(() => world.centre.close());

  const path = (id: string, action = '') =>
    `/api/batches/${encodeURIComponent(id)}${action === '' ? '' : `/${action}`}`;

  async function statusOf(id: string): Promise<string> {
    const [row] = await world.db.query<{ status: string }>(
      'SELECT status FROM batches WHERE id = $1',
      [id],
    );
    return row?.status ?? '';
  }

  async function newDraft(maker: TestCaller): Promise<{ id: string; idNumbers: string[] }> {
    const { examId, idNumbers } = await theoryResults(world, world.orgA, 2);
    return { id: await draftBatch(world, maker, examId, idNumbers), idNumbers };
  }

  it('the submitter cannot approve: directly, or with a second login of the same account', async () => {
    const { centre, a1 } = world;
    const { id } = await newDraft(a1);
    ok(await centre.call('POST', path(id, 'submit'), { token: a1.token }), 'submit');
    const direct = await centre.call('POST', path(id, 'approve'), { token: a1.token });
    expect([direct.status, direct.json?.error?.code]).toEqual([403, 'FORBIDDEN']);
    const again = ok(
      await centre.call<{ token: string }>('POST', '/api/auth/login', {
        body: { username: a1.username, password: TEST_PASSWORD },
      }),
      'second login',
    );
    expect(again.token).not.toBe(a1.token);
    const second = await centre.call('POST', path(id, 'approve'), { token: again.token });
    expect([second.status, second.json?.error?.code]).toEqual([403, 'FORBIDDEN']);
    // returning it to oneself is a decision too
    const selfReturn = await centre.call('POST', path(id, 'return'), {
      token: again.token,
      body: { reason: '自己退回' },
    });
    expect(selfReturn.status).toBe(403);
    expect(await statusOf(id)).toBe('submitted');
  });

  it('after a return and a resubmission the submitter still cannot approve', async () => {
    const { centre, a1, a2 } = world;
    const { id } = await newDraft(a1);
    ok(await centre.call('POST', path(id, 'submit'), { token: a1.token }), 'submit');
    ok(
      await centre.call('POST', path(id, 'return'), {
        token: a2.token,
        body: { reason: '核对实操成绩' },
      }),
      'return',
    );
    ok(await centre.call('POST', path(id, 'submit'), { token: a1.token }), 'resubmit');
    const self = await centre.call('POST', path(id, 'approve'), { token: a1.token });
    expect(self.status).toBe(403);
    expect(await statusOf(id)).toBe('submitted');
  });

  it('a maker who let someone else submit cannot approve', async () => {
    const { centre, a1, a2 } = world;
    const { id } = await newDraft(a1);
    ok(await centre.call('POST', path(id, 'submit'), { token: a2.token }), 'submit by a2');
    const maker = await centre.call('POST', path(id, 'approve'), { token: a1.token });
    expect([maker.status, maker.json?.error?.message]).toEqual([
      403,
      expect.stringMatching(/建立批次或录入/) as unknown as string,
    ]);
    const submitter = await centre.call('POST', path(id, 'approve'), { token: a2.token });
    expect(submitter.status).toBe(403);
    // a third person may
    ok(await centre.call('POST', path(id, 'approve'), { token: a3.token }), 'approve by a3');
  });

  it('the reviewer who returned a batch and then changed its scores cannot approve it', async () => {
    const { centre, a1, a2 } = world;
    const { id, idNumbers } = await newDraft(a1);
    ok(await centre.call('POST', path(id, 'submit'), { token: a1.token }), 'submit');
    ok(
      await centre.call('POST', path(id, 'return'), { token: a2.token, body: { reason: '退回' } }),
      'return',
    );
    ok(
      await centre.call('POST', `${path(id, 'scores')}?fileName=fix.csv`, {
        token: a2.token,
        body: csvOf([
          ['身份证号', '实操成绩'],
          [idNumbers[0] ?? '', '100'],
        ]),
      }),
      'a2 edits',
    );
    ok(await centre.call('POST', path(id, 'submit'), { token: a1.token }), 'resubmit');
    const reviewer = await centre.call('POST', path(id, 'approve'), { token: a2.token });
    expect(reviewer.status).toBe(403);
    expect(await statusOf(id)).toBe('submitted');
  });

  it('nothing changes an approved batch: scores, candidates, a late return or a resubmission', async () => {
    const { centre, a1, a2, db } = world;
    const { id, idNumbers } = await newDraft(a1);
    ok(await centre.call('POST', path(id, 'submit'), { token: a1.token }), 'submit');
    ok(await centre.call('POST', path(id, 'approve'), { token: a2.token }), 'approve');
    const before = await db.query(
      'SELECT id_number, theory_score, skills_score, review_score, outcome FROM batch_candidates WHERE batch_id = $1 ORDER BY id',
      [id],
    );
    const auditBefore = await auditCount(db);
    const sheet = csvOf([
      ['身份证号', '实操成绩'],
      [idNumbers[0] ?? '', '10'],
    ]);
    for (const who of [a1, a2, a3]) {
      for (const [action, body] of [
        ['scores?fileName=late.csv', sheet],
        ['candidates', {}],
        ['submit', undefined],
        ['return', { reason: '批后修改' }],
        ['approve', undefined],
      ] as const) {
        const reply = await centre.call('POST', `${path(id)}/${action}`, {
          token: who.token,
          ...(body === undefined ? {} : { body }),
        });
        expect({ action, status: reply.status }).toEqual({
          action,
          status: expect.any(Number) as unknown as number,
        });
        expect(reply.status === 409 || reply.status === 403).toBe(true);
      }
    }
    const admin = await centre.call('POST', path(id, 'return'), {
      token: world.admin.token,
      body: { reason: '中心退回' },
    });
    expect(admin.status).toBe(409);
    expect(
      await db.query(
        'SELECT id_number, theory_score, skills_score, review_score, outcome FROM batch_candidates WHERE batch_id = $1 ORDER BY id',
        [id],
      ),
    ).toEqual(before);
    expect(await statusOf(id)).toBe('approved');
    expect(await auditCount(db)).toBe(auditBefore);
  });

  it('a batch that is not approved cannot be issued', async () => {
    const { centre, a1, a2 } = world;
    const { id } = await newDraft(a1);
    for (const step of ['draft', 'submitted']) {
      if (step === 'submitted')
        ok(await centre.call('POST', path(id, 'submit'), { token: a1.token }), 'submit');
      const reply = await centre.call('POST', path(id, 'issue'), { token: a2.token });
      expect({ step, status: reply.status }).toEqual({ step, status: 409 });
    }
    const [row] = await world.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM certificates c JOIN batch_candidates b ON b.id::text = c.batch_candidate_id::text WHERE b.batch_id = $1`,
      [id],
    );
    expect(row?.n).toBe('0');
  });
});
