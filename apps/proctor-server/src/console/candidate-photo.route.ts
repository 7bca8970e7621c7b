import type { IncomingMessage, ServerResponse } from 'node:http';
import { CodedError } from '@skillexam/shared';
import type { Components } from '../components';
import { sendError, type RouteHandler } from '../http/router';
import { assertStaffMaySee } from '../auth/session-scope';
import { staffOf } from './console-downloads.route';
import { candidatePhotoOf } from './console-repository';

/**
 * GET /api/console/photo?attemptId=… — the roster photo of a candidate, seated or withdrawn, for
 * the console's candidate panels (every staff role, proctors for their sessions; Bearer token).
 * 404 when there is no such candidate or the roster has no photo.
 */
export function candidatePhotoRoute(components: Components): RouteHandler {
  return (req: IncomingMessage, res: ServerResponse, route) => {
    try {
      const staff = staffOf(req, components, route.roles);
      const attemptId = new URL(req.url ?? '/', 'http://localhost').searchParams.get('attemptId');
      // A proctor sees the photos of the sessions they may see only (docs/decisions/0221).
      const found = candidatePhotoOf(components.store.db, attemptId ?? '');
      if (found !== undefined) assertStaffMaySee(components.store.db, staff, found.sessionId);
      const photo = found?.photo;
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
