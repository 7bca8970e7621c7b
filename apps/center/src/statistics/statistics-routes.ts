import { CodedError } from '@skillexam/shared';
import type { CenterRoute } from '../http/center-route';
import { exportExamResponses } from './statistics-export';

/* /api/statistics: the merged response file of an exam, for `qbank stats import`. */

export const STATISTICS_ROUTES: readonly CenterRoute[] = [
  {
    method: 'GET',
    path: '/api/statistics/exams/:examId/responses',
    roles: ['centre_admin', 'supervisor'],
    handle: async (ctx, request) => {
      if (request.principal === undefined)
        throw new CodedError('UNAUTHORIZED', '请先登录 (login required)');
      const result = await exportExamResponses(
        ctx,
        request.principal.username,
        request.params.examId ?? '',
      );
      return {
        kind: 'file',
        contentType: 'text/csv; charset=utf-8',
        fileName: result.fileName,
        bytes: new TextEncoder().encode(result.csv),
      };
    },
  },
];
