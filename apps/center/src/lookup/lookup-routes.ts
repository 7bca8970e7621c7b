import type {
  CenterContext,
  CenterRequest,
  CenterResponse,
  CenterRoute,
} from '../http/center-route';
import { parseCertificateNumber } from '../certificates/certificate-number';
import { LOOKUP_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './rate-limiter';
import { verifyByCode, verifyByProof } from './verify-certificate';
import {
  certificatePage,
  formPage,
  notFoundPage,
  rateLimitedPage,
  STYLE_SOURCE,
} from './verify-page';

/*
 * The public lookup, no login (docs/decisions/1025-public-lookup-without-enumeration.md):
 *   GET  /verify                  the form
 *   POST /verify                  number + name or ID tail (a plain HTML form post)
 *   GET  /verify/:number/:code    the QR link: opens the certificate without typing
 * Both lookups are rate-limited per address (429 with Retry-After) and answer every miss the
 * same way. Pages are not cached and send no referrer (the QR link holds the code).
 */

const PRIVATE_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': `default-src 'none'; style-src ${STYLE_SOURCE}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
};

function html(status: number, body: string, headers: Record<string, string> = {}): CenterResponse {
  return { kind: 'html', status, html: body, headers: { ...PRIVATE_HEADERS, ...headers } };
}

function formFields(body: unknown): URLSearchParams {
  if (body instanceof Uint8Array) return new URLSearchParams(Buffer.from(body).toString('utf8'));
  if (typeof body === 'string') return new URLSearchParams(body);
  if (body !== null && typeof body === 'object') {
    const entries = Object.entries(body as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    return new URLSearchParams(entries);
  }
  return new URLSearchParams();
}

export interface LookupRouteOptions {
  readonly rateLimit?: RateLimitOptions;
  /** Milliseconds clock for the limiter (tests). */
  readonly clock?: () => number;
}

export function createLookupRoutes(options: LookupRouteOptions = {}): CenterRoute[] {
  const limiter = new RateLimiter(options.rateLimit ?? LOOKUP_RATE_LIMIT, options.clock);

  function limited(request: CenterRequest): CenterResponse | undefined {
    const decision = limiter.take(request.remoteAddress);
    if (decision.allowed) return undefined;
    return html(429, rateLimitedPage(decision.retryAfterSeconds), {
      'retry-after': String(decision.retryAfterSeconds),
    });
  }

  const form: CenterRoute = {
    method: 'GET',
    path: '/verify',
    roles: 'public',
    handle: () => Promise.resolve(html(200, formPage())),
  };

  const byProof: CenterRoute = {
    method: 'POST',
    path: '/verify',
    roles: 'public',
    raw: { maxBytes: 4096 },
    async handle(ctx: CenterContext, request: CenterRequest) {
      const refusal = limited(request);
      if (refusal !== undefined) return refusal;
      const fields = formFields(request.body);
      const number = (fields.get('number') ?? '').trim().toUpperCase().slice(0, 40);
      const proof = (fields.get('proof') ?? '').trim().slice(0, 50);
      const values = { number, proof };
      const parsed = parseCertificateNumber(number);
      if (!parsed.ok)
        return html(400, formPage(values, `证书编号有误：${parsed.problems.join('；')}`));
      if (proof === '') return html(400, formPage(values, '请填写持证人姓名或身份证号后4–6位'));
      const certificate = await verifyByProof(ctx.db, number, proof);
      return certificate === undefined
        ? html(404, notFoundPage(values))
        : html(200, certificatePage(certificate));
    },
  };

  const byCode: CenterRoute = {
    method: 'GET',
    path: '/verify/:number/:code',
    roles: 'public',
    async handle(ctx: CenterContext, request: CenterRequest) {
      const refusal = limited(request);
      if (refusal !== undefined) return refusal;
      const number = (request.params['number'] ?? '').slice(0, 40);
      const code = (request.params['code'] ?? '').slice(0, 64);
      const certificate = await verifyByCode(ctx.db, number, code, ctx.now);
      return certificate === undefined
        ? html(404, notFoundPage())
        : html(200, certificatePage(certificate));
    },
  };

  return [form, byProof, byCode];
}

/** The routes the server registers: one limiter per process. */
export const lookupRoutes: readonly CenterRoute[] = createLookupRoutes();
