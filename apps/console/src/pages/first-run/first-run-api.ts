import {
  FirstAdminResultSchema,
  SetupStatusSchema,
  ackSchema,
  unwrapAck,
  type FirstAdminRequest,
  type FirstAdminResult,
} from '@skillexam/shared';
import { badReply } from '../../api/http-api';

/* The first-run routes of the proctor server (same origin; docs/decisions/0970). */

/** Whether the server waits for its first exam admin; false when it cannot tell. */
export async function fetchFirstRun(): Promise<boolean> {
  try {
    const res = await fetch('/api/setup/status');
    const parsed = ackSchema(SetupStatusSchema).safeParse(await res.json());
    return parsed.success && parsed.data.ok && parsed.data.data.firstRun;
  } catch {
    return false;
  }
}

export async function createFirstAdmin(input: FirstAdminRequest): Promise<FirstAdminResult> {
  const res = await fetch('/api/setup/first-admin', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const parsed = ackSchema(FirstAdminResultSchema).safeParse(await res.json());
  if (!parsed.success) throw badReply(res.status);
  return unwrapAck(parsed.data);
}
