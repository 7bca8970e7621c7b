import { request as httpRequest } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { CenterDb } from '../../src/db/center-db';
import { addPackage, addSite, idNumberFor } from '../../test/batches/support/centre-fixtures';
import { csvOf } from '../../test/batches/support/score-sheets';
import type { TestCaller, TestCenter, TestReply } from '../../test/support/center-server';

/*
 * The people and data the attacks need, made the way the real users make them — over HTTP on the
 * real server — except the theory results, written as the ingest leaves them (the ingest has its
 * own attack file). Two organisations A and B, two staff members of A, one of B, a centre admin
 * and a supervisor.
 */

export interface World {
  readonly centre: TestCenter;
  readonly db: CenterDb;
  readonly admin: TestCaller;
  readonly supervisor: TestCaller;
  readonly orgA: string;
  readonly orgB: string;
  readonly a1: TestCaller;
  readonly a2: TestCaller;
  readonly b1: TestCaller;
  readonly year: number;
}

export const ELECTRICIAN = { occupationCode: '6-31-01-03', occupationName: '电工', level: 3 };

export function beijingYear(at = new Date()): number {
  return Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at),
  );
}

export async function buildWorld(centre: TestCenter, db: CenterDb): Promise<World> {
  const orgA = await centre.addOrganisation('甲评价机构');
  const orgB = await centre.addOrganisation('乙评价机构');
  return {
    centre,
    db,
    orgA,
    orgB,
    admin: await centre.signIn('centre_admin'),
    supervisor: await centre.signIn('supervisor'),
    a1: await centre.signIn('org_staff', { organisationId: orgA }),
    a2: await centre.signIn('org_staff', { organisationId: orgA }),
    b1: await centre.signIn('org_staff', { organisationId: orgB }),
    year: beijingYear(),
  };
}

/** Fails the test with the reply when a setup step did not succeed. */
export function ok<T>(reply: TestReply<T>, what: string): T {
  if (!reply.json?.ok || reply.json.data === undefined)
    throw new Error(`${what}: ${String(reply.status)} ${JSON.stringify(reply.json)}`);
  return reply.json.data;
}

let serial = 30_000;

/** Theory results of `count` candidates at a site of `organisationId` (all sat, 80 points). */
export async function theoryResults(
  world: World,
  organisationId: string,
  count: number,
  options: { readonly idNumbers?: readonly string[]; readonly names?: readonly string[] } = {},
): Promise<{ examId: string; idNumbers: string[] }> {
  const examId = `P-${randomUUID()}`;
  const idNumbers = Array.from(
    { length: count },
    (_, i) => options.idNumbers?.[i] ?? idNumberFor((serial += 1)),
  );
  await addPackage(world.db, {
    siteId: await addSite(world.db, organisationId),
    sessionId: `S-${randomUUID()}`,
    examId,
    occupationAndLevel: '电工（三级）',
    candidates: idNumbers.map((idNumber, i) => ({
      idNumber,
      name: options.names?.[i] ?? `考生${String(i + 1)}`,
      total: 80,
      fullMarks: 100,
    })),
  });
  return { examId, idNumbers };
}

/** A batch of `maker`'s organisation with candidates from `examId` and skills 90: a draft. */
export async function draftBatch(
  world: World,
  maker: TestCaller,
  examId: string,
  idNumbers: readonly string[],
): Promise<string> {
  const { centre } = world;
  const created = ok(
    await centre.call<{ id: string }>('POST', '/api/batches', {
      token: maker.token,
      body: { name: `批次 ${randomUUID().slice(0, 8)}`, ...ELECTRICIAN },
    }),
    'create batch',
  );
  const base = `/api/batches/${encodeURIComponent(created.id)}`;
  ok(
    await centre.call('POST', `${base}/candidates`, { token: maker.token, body: { examId } }),
    'add candidates',
  );
  ok(
    await centre.call('POST', `${base}/scores?fileName=skills.csv`, {
      token: maker.token,
      body: csvOf([['身份证号', '实操成绩'], ...idNumbers.map((id) => [id, '90'])]),
    }),
    'import scores',
  );
  return created.id;
}

/** A batch made and submitted by `maker`, approved by `checker`. */
export async function approvedBatch(
  world: World,
  maker: TestCaller,
  checker: TestCaller,
  count: number,
  organisationId: string,
): Promise<{ batchId: string; idNumbers: string[] }> {
  const { examId, idNumbers } = await theoryResults(world, organisationId, count);
  const batchId = await draftBatch(world, maker, examId, idNumbers);
  const base = `/api/batches/${encodeURIComponent(batchId)}`;
  ok(await world.centre.call('POST', `${base}/submit`, { token: maker.token }), 'submit');
  ok(await world.centre.call('POST', `${base}/approve`, { token: checker.token }), 'approve');
  return { batchId, idNumbers };
}

/** A range of `size` for the staff member's organisation, requested by them, allocated by the admin. */
export async function allocatedRange(
  world: World,
  staff: TestCaller,
  siteSerial: string,
  size = 50,
): Promise<{ requestId: string; rangeId: string }> {
  const asked = ok(
    await world.centre.call<{ id: string }>('POST', '/api/certificate-ranges/requests', {
      token: staff.token,
      body: { siteSerial, year: world.year, level: ELECTRICIAN.level, size },
    }),
    'request range',
  );
  const range = ok(
    await world.centre.call<{ id: string }>(
      'POST',
      `/api/certificate-ranges/requests/${asked.id}/allocate`,
      { token: world.admin.token },
    ),
    'allocate range',
  );
  return { requestId: asked.id, rangeId: range.id };
}

/** Issues an approved batch; the certificate numbers. */
export async function issue(world: World, staff: TestCaller, batchId: string): Promise<string[]> {
  const issued = ok(
    await world.centre.call<{ issued: { number: string }[] }>(
      'POST',
      `/api/batches/${encodeURIComponent(batchId)}/issue`,
      { token: staff.token },
    ),
    'issue',
  );
  return issued.issued.map((c) => c.number);
}

export async function auditCount(db: CenterDb): Promise<number> {
  const [row] = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_log');
  return Number(row?.n ?? 0);
}

export interface RawReply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * One HTTP request from a chosen local address (127.0.0.x: another machine on the LAN, as far
 * as the server can tell), with the path sent exactly as given (no URL normalisation).
 */
export function callFrom(
  baseUrl: string,
  localAddress: string,
  method: string,
  path: string,
  body?: { readonly type: string; readonly bytes: Uint8Array | string },
  headers: Readonly<Record<string, string>> = {},
): Promise<RawReply> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        localAddress,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': body.type }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body?.bytes);
  });
}
