import type { ExamAgentStatus } from '@skillexam/shared';

/** Resolves when the agent's latest reported status matches `predicate`. */
export function waitForStatus(
  statuses: readonly ExamAgentStatus[],
  predicate: (s: ExamAgentStatus) => boolean,
  what: string,
  ms = 20_000,
): Promise<ExamAgentStatus> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      const last = statuses.at(-1);
      if (last !== undefined && predicate(last)) return resolve(last);
      if (Date.now() - started > ms) {
        return reject(new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`));
      }
      setTimeout(check, 50);
    };
    check();
  });
}
