import { KioskEnrollmentSchema, KioskSummarySchema } from '@skillexam/shared';
import { useMemo } from 'react';
import { z } from 'zod';
import { useConsole } from '../../console-context';
import { request, saveBlob } from '../../api/http-api';

/*
 * The 考试机 routes (admin; docs/decisions/0216, 0984): the same server functions as
 * `proctor-server kiosk enroll | list | revoke`, so the same checks and words.
 */
export function kioskApi(token: string) {
  return {
    list: () => request(token, z.array(KioskSummarySchema), 'GET', '/api/kiosks'),
    enroll: (input: { name: string; serverUrl?: string; siteName?: string }) =>
      request(token, KioskEnrollmentSchema, 'POST', '/api/kiosks/enroll', input),
    revoke: (kioskId: string, reason: string) =>
      request(token, KioskSummarySchema, 'POST', '/api/kiosks/revoke', { kioskId, reason }),
  };
}

export type KioskApi = ReturnType<typeof kioskApi>;

export function useKioskApi(): KioskApi {
  const { login } = useConsole();
  return useMemo(() => kioskApi(login.token), [login.token]);
}

/** Hands the enrollment file to the browser as `enrollment.json`. */
export function saveEnrollmentFile(file: unknown): void {
  const text = `${JSON.stringify(file, null, 2)}\n`;
  saveBlob(new Blob([text], { type: 'application/json' }), 'enrollment.json');
}
