import { readFileSync } from 'node:fs';
import { InvalidInputError } from '@skillexam/shared';
import type { Command } from 'commander';
import { EXIT_FAILURE, output } from './cli-io';

/*
 * `proctor-server results push <package> --to <centre-url>`: sends a results package to the
 * evaluation centre's site push route and prints the centre's verdict. The package's
 * signature by the site's enrolled audit key is the credential (centre decision 1013); the
 * centre re-derives every score and checks the chain continues the site's previous package.
 */

/** The centre's site push route (apps/center/src/ingest/ingest.routes.ts). */
export const CENTRE_PUSH_PATH = '/api/site-push/packages';

export interface PushVerdict {
  readonly ok: boolean;
  /** HTTP status, 0 when the centre could not be reached. */
  readonly status: number;
  readonly data?: {
    readonly status: 'ingested' | 'already_ingested';
    readonly packageId: string;
    readonly sha256: string;
    readonly site: { readonly name: string };
    readonly candidates: number;
    readonly chainHead: { readonly seq: number; readonly hash: string };
    readonly supersedes?: string;
  };
  readonly error?: { readonly code: string; readonly message: string };
}

function centreUrl(to: string): URL {
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
  return url;
}

export async function pushResultsPackage(
  file: string,
  to: string,
  timeoutMs = 120_000,
): Promise<PushVerdict> {
  const url = centreUrl(to);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new InvalidInputError(`成绩包文件无法读取 (cannot read the results package): ${file}`);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bytes,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    return {
      ok: false,
      status: 0,
      error: {
        code: 'UNREACHABLE',
        message: `无法连接中心 ${url.origin} (cannot reach the centre): ${cause}`,
      },
    };
  }
  const text = await response.text();
  let body: { ok?: unknown; data?: PushVerdict['data']; error?: PushVerdict['error'] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return {
      ok: false,
      status: response.status,
      error: {
        code: 'BAD_RESPONSE',
        message: `中心的回应无法识别 (HTTP ${response.status}; not the centre's JSON): ${text.slice(0, 200)}`,
      },
    };
  }
  if (body.ok === true && body.data !== undefined)
    return { ok: true, status: response.status, data: body.data };
  return {
    ok: false,
    status: response.status,
    error: body.error ?? { code: 'BAD_RESPONSE', message: `HTTP ${response.status}` },
  };
}

function verdictLines(verdict: PushVerdict): string[] {
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
    ];
  return [
    `中心拒收成绩包 (refused by the centre, HTTP ${verdict.status}): ${verdict.error?.code ?? '?'}`,
    `  ${verdict.error?.message ?? ''}`,
  ];
}

/** `proctor-server results push <package> --to <url>`. */
export function addResultsPushCommand(results: Command): void {
  results
    .command('push <package>')
    .description('把成绩包上报评价中心并显示中心的核验结果 (push a results package to the centre)')
    .requiredOption('--to <url>', '评价中心地址, 如 https://centre.example.cn')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { to: string; json?: boolean }) => {
      const verdict = await pushResultsPackage(file, opts.to);
      output(opts.json === true, verdict, () => verdictLines(verdict));
      if (!verdict.ok) process.exitCode = EXIT_FAILURE;
    });
}
