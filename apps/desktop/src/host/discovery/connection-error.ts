/** What the candidate reads when the server cannot be reached. */
export const UNREACHABLE_HINT = '请检查网线或联系监考老师';

function codeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const record = current as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof record.code === 'string') return record.code;
    if (record.name === 'TimeoutError' || record.name === 'AbortError') return 'ETIMEDOUT';
    current = record.cause;
  }
  return undefined;
}

const REASONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: '服务器未启动或端口不对',
  ETIMEDOUT: '连接超时',
  EHOSTUNREACH: '网络不通',
  ENETUNREACH: '网络不通',
  ENOTFOUND: '找不到该地址',
  EAI_AGAIN: '找不到该地址',
  ECONNRESET: '连接被中断',
};

/**
 * A clear, Chinese-first message for a failed connection (fetch's TypeError wraps the system
 * error in `cause`): 「无法连接考点服务器 http://…（连接超时），请检查网线或联系监考老师」.
 */
export function describeConnectionError(serverUrl: string, error: unknown): string {
  const code = codeOf(error);
  const reason = code === undefined ? undefined : (REASONS[code] ?? code);
  return `无法连接考点服务器 ${serverUrl}${reason === undefined ? '' : `（${reason}）`}，${UNREACHABLE_HINT}`;
}
