import { anchorText, InvalidInputError } from '@skillexam/shared';
import type { CenterRoute } from '../http/center-route';
import { checkedCount, parseAnchor } from './audit-anchors';
import { listAuditRows, readAuditHead } from './audit-repository';
import { verifyAudit } from './verify-audit';

/*
 * Reading the audit chain (centre admins and supervisors): newest first, the head to write down
 * as an anchor, and a full check — against anchors held outside the database when given
 * (`?anchor=<seq>:<hash>`, repeatable; docs/decisions/1070-center-audit-anchored-by-witnesses.md).
 */

function positiveInt(value: string | null, name: string, fallback: number, max: number): number {
  if (value === null) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) {
    throw new InvalidInputError(
      `${name}: 应为 1–${String(max)} 的整数 (an integer 1–${String(max)})`,
    );
  }
  return number;
}

export const auditRoutes: readonly CenterRoute[] = [
  {
    method: 'GET',
    path: '/api/audit',
    roles: ['centre_admin', 'supervisor'],
    async handle(ctx, request) {
      const { query } = request;
      const before = query.get('before');
      const rows = await listAuditRows(ctx.db, {
        limit: positiveInt(query.get('limit'), 'limit', 100, 1000),
        ...(before === null
          ? {}
          : { beforeSeq: positiveInt(before, 'before', 1, Number.MAX_SAFE_INTEGER) }),
        ...(query.get('subject') === null ? {} : { subject: query.get('subject') ?? '' }),
        ...(query.get('action') === null ? {} : { action: query.get('action') ?? '' }),
      });
      return {
        kind: 'json',
        data: {
          records: rows.map((row) => ({
            seq: row.seq,
            at: row.at.toISOString(),
            actor: row.actor,
            action: row.action,
            subject: row.subject,
            details: row.details,
            hash: row.hash,
          })),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/api/audit/verify',
    roles: ['centre_admin', 'supervisor'],
    async handle(ctx, request) {
      const anchors = checkedCount(
        request.query.getAll('anchor').map((text) => parseAnchor(text, 'anchor')),
      );
      return { kind: 'json', data: await verifyAudit(ctx.db, anchors) };
    },
  },
  {
    method: 'GET',
    path: '/api/audit/head',
    roles: ['centre_admin', 'supervisor'],
    async handle(ctx) {
      const head = (await readAuditHead(ctx.db)) ?? { seq: 0, hash: '' };
      return {
        kind: 'json',
        data: { seq: head.seq, hash: head.hash, anchor: anchorText(head) },
      };
    },
  },
];
