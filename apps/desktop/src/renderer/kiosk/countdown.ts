/** Which warning the countdown shows: the kiosk warns at 15 and 5 minutes. */
export function timeWarning(remainingMs: number | undefined): 'none' | 'fifteen' | 'five' | 'over' {
  if (remainingMs === undefined) return 'none';
  if (remainingMs <= 0) return 'over';
  if (remainingMs <= 5 * 60_000) return 'five';
  if (remainingMs <= 15 * 60_000) return 'fifteen';
  return 'none';
}

/** `mm:ss`, or `h:mm:ss` past an hour. */
export function formatRemaining(remainingMs: number): string {
  const total = Math.ceil(Math.max(0, remainingMs) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}
