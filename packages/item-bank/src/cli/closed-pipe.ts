/*
 * `qbank import … | head -1`: the reader closes the pipe after one line and the next write fails
 * with EPIPE. Like other Unix tools qbank then stops writing quietly (no stack trace) and still
 * finishes with its own exit code (docs/decisions/0634).
 */

interface ErrorEmitter {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

const CLOSED_PIPE_CODES = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

export interface OutputGate {
  /** False once the reader has gone away: later output is dropped. */
  readonly open: boolean;
}

/** Watches `stream` for a closed pipe; any other write error is still thrown. */
export function watchClosedPipe(stream: ErrorEmitter): OutputGate {
  const gate = { open: true };
  stream.on('error', (error) => {
    if (error.code !== undefined && CLOSED_PIPE_CODES.has(error.code)) {
      gate.open = false;
      return;
    }
    throw error;
  });
  return gate;
}
