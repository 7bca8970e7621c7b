import type { IncomingMessage, ServerResponse } from 'node:http';
import { CodedError } from '@skillexam/shared';
import type { Components } from '../components';
import { queryOne, sql } from '../db/sql';
import { sendError, type RouteHandler } from '../http/router';
import { assertStaffMaySee, sessionOfAttempt } from '../incidents/session-scope';
import { staffOf } from './console-downloads.route';

/**
 * GET /api/console/photo?attemptId=… — the roster photo of a candidate for the console's
 * candidate panel (every staff role, proctors for their sessions; Bearer token). 404 when the
 * roster has no photo.
 */
export function candidatePhotoRoute(components: Components): RouteHandler {
  return (req: IncomingMessage, res: ServerResponse) => {
    try {
      const staff = staffOf(req, components);
      const attemptId = new URL(req.url ?? '/', 'http://localhost').searchParams.get('attemptId');
      // A proctor sees the photos of the sessions they may see only (docs/decisions/0221).
      const sessionId = sessionOfAttempt(components.store.db, attemptId ?? '');
      if (sessionId !== undefined) assertStaffMaySee(components.store.db, staff, sessionId);
      const photo = queryOne<{ mime_type: string; bytes: Buffer }>(
        components.store.db,
        sql`SELECT p.mime_type, p.bytes FROM attempts a JOIN candidate_photos p ON p.hash = a.photo_hash
             WHERE a.id = ${attemptId ?? ''}`,
      );
      if (photo === undefined)
        throw new CodedError('NOT_FOUND', `考生 ${attemptId ?? ''} 没有照片 (no photo)`);
      res.writeHead(200, {
        'content-type': photo.mime_type,
        'content-length': photo.bytes.byteLength,
        'cache-control': 'private, max-age=3600',
        'x-content-type-options': 'nosniff',
      });
      res.end(photo.bytes);
    } catch (error) {
      sendError(res, error);
    }
  };
}
