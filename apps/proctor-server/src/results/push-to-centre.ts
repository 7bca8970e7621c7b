import { z } from 'zod';
import {
  anchorText,
  InvalidInputError,
  PushAcceptanceSchema,
  type PushVerdict,
} from '@skillexam/shared';

/*
 * Sends a results package to the evaluation centre's site push route and returns the centre's
 * verdict — the one function behind `proctor-server results push` and the console's
 * 上报评价中心 (docs/decisions/0991). The package's signature by the site's enrolled audit key is
 * the credential (centre decision 1013). Outbound to the given address only: http(s), no
 * redirects followed, a timeout, the reply read up to a cap.
 */

export type { PushVerdict } from '@skillexam/shared';

/** The centre's site push route (apps/center/src/ingest/ingest.routes.ts). */
export const CENTRE_PUSH_PATH = '/api/site-push/packages';
/** The centre answers with a small JSON verdict; anything longer is not the centre. */
export const MAX_CENTRE_REPLY_BYTES = 64 * 1024;

export interface PushOptions {
  readonly timeoutMs?: number;
  readonly maxReplyBytes?: number;
}

/** The push URL for a centre address; InvalidInputError for anything but http(s). */
export function centrePushUrl(to: string): URL {
  let url: URL;
  try {
    url = new URL(CENTRE_PUSH_PATH, to);
  } catch {
    throw new InvalidInputError(`中心地址无效 (invalid centre URL): ${to}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidInputError(
      `中心地址应以 http:// 或 https:// 开头 (centre URL must be http(s)): ${to}`,
    );
  if (url.username !== '' || url.password !== '')
    throw new InvalidInputError(`中心地址不应包含用户名或密码 (no credentials in the URL): ${to}`);
  return url;
}

/** The centre's envelope: its acceptance, or its refusal's code and message. */
const CentreReplySchema = z.object({
  ok: z.boolean().optional(),
  data: PushAcceptanceSchema.optional(),
  error: z.object({ code: z.string().max(100), message: z.string().max(4000) }).optional(),
});

/** Reads at most `max` bytes of the body; undefined when it is longer (the rest is dropped). */
async function readCapped(response: Response, max: number): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function failure(status: number, code: string, message: string): PushVerdict {
  return { ok: false, status, error: { code, message } };
}

/** Pushes the package bytes; never throws for what the centre (or the network) does. */
export async function pushResultsBytes(
  bytes: Uint8Array,
  to: string,
  options: PushOptions = {},
): Promise<PushVerdict> {
  const url = centrePushUrl(to);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const max = options.maxReplyBytes ?? MAX_CENTRE_REPLY_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  let text: string | undefined;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bytes,
      redirect: 'manual',
      signal,
    });
    text = await readCapped(response, max);
  } catch (error) {
    if (signal.aborted)
      return failure(
        0,
        'UNREACHABLE',
        `中心在 ${Math.round(timeoutMs / 1000)} 秒内没有回应 (the centre did not answer in time): ${url.origin}`,
      );
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    return failure(
      0,
      'UNREACHABLE',
      `无法连接中心 ${url.origin} (cannot reach the centre): ${cause}`,
    );
  }
  if (text === undefined)
    return failure(
      response.status,
      'BAD_RESPONSE',
      `中心的回应超过 ${max} 字节，不是中心的核验结果 (reply too large; not the centre's JSON)`,
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return failure(
      response.status,
      'BAD_RESPONSE',
      `中心的回应无法识别 (HTTP ${response.status}; not the centre's JSON): ${text.slice(0, 200)}`,
    );
  }
  // What the centre says is kept in the site's audit chain: only its own reply shape is taken.
  const reply = CentreReplySchema.safeParse(body);
  if (!reply.success)
    return failure(
      response.status,
      'BAD_RESPONSE',
      `中心的回应格式不符 (HTTP ${response.status}; not the centre's reply): ${text.slice(0, 200)}`,
    );
  const { ok, data, error } = reply.data;
  if (ok === true && data !== undefined) return { ok: true, status: response.status, data };
  return {
    ok: false,
    status: response.status,
    error: error ?? { code: 'BAD_RESPONSE', message: `HTTP ${response.status}` },
  };
}

/** The verdict as `results push` prints it (the console shows the same lines). */
export function verdictLines(verdict: PushVerdict): string[] {
  const data = verdict.data;
  if (verdict.ok && data !== undefined)
    return [
      data.status === 'ingested'
        ? `中心已接收成绩包 (accepted): ${data.candidates} 名考生, 考点「${data.site.name}」, 审计链头 #${data.chainHead.seq}`
        : `中心此前已接收该成绩包 (already ingested): ${data.packageId}`,
      `  SHA-256 ${data.sha256}`,
      ...(data.supersedes === undefined
        ? []
        : [`  取代此前上报的同场次成绩包 (supersedes) ${data.supersedes}`]),
      ...(data.centreReceipt === undefined
        ? []
        : [
            `  中心审计回执 (centre's receipt, keep it as an anchor): ${anchorText(data.centreReceipt)}`,
          ]),
    ];
  return [
    `中心拒收成绩包 (refused by the centre, HTTP ${verdict.status}): ${verdict.error?.code ?? '?'}`,
    `  ${verdict.error?.message ?? ''}`,
  ];
}
