import type { Logger } from 'pino';

/*
 * `--insecure-http` (development and tests only, docs/decisions/0231): the server says so at
 * start and every ten minutes while it runs, on stderr and in the log, so nobody mistakes it for
 * an exam-day configuration.
 */

export const INSECURE_HTTP_WARNING =
  '警告：服务器以不加密的 HTTP 运行，仅供开发和测试使用，考试现场必须使用 HTTPS (WARNING: --insecure-http: plain HTTP, for development and tests only)';
const REPEAT_MS = 10 * 60_000;

export function warnWhileInsecure(logger: Logger): { stop(): void } {
  const warn = (): void => {
    logger.warn(INSECURE_HTTP_WARNING);
    process.stderr.write(`${INSECURE_HTTP_WARNING}\n`);
  };
  warn();
  const timer = setInterval(warn, REPEAT_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
