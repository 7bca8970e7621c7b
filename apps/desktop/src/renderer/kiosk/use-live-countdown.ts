import type { ExamAgentStatus } from '@skillexam/shared';
import { useEffect, useState } from 'react';

/**
 * The countdown the candidate sees: anchored to the agent's last word on the remaining time
 * (server-authoritative, corrected for clock offset) and ticking locally every second, so it
 * keeps running while offline. Frozen while the attempt is paused.
 */
export function useLiveCountdown(status: ExamAgentStatus): number | undefined {
  const [anchor, setAnchor] = useState<{ remainingMs: number; at: number } | undefined>();
  const [now, setNow] = useState(() => performance.now());
  const paused = status.attempt.status === 'paused';

  useEffect(() => {
    if (status.remainingMs === undefined) setAnchor(undefined);
    else setAnchor({ remainingMs: status.remainingMs, at: performance.now() });
  }, [status.remainingMs, paused]);

  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (anchor === undefined) return undefined;
  if (paused) return anchor.remainingMs;
  return Math.max(0, anchor.remainingMs - (now - anchor.at));
}
