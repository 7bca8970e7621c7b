import { errorMessage } from '@skillexam/shared';
import type { AnswerValue } from '@skillexam/shared';
import { useCallback, useEffect, useRef } from 'react';

const TYPING_DEBOUNCE_MS = 400;

/**
 * Sends answers to the host journal: choices at once, typed text debounced (≤ 500 ms, as the
 * answer path requires) so a burst of keystrokes becomes one journaled event. `flush` writes
 * anything still waiting (before moving on or submitting).
 */
export function useAnswerWriter(onError: (message: string) => void) {
  const timers = useRef(
    new Map<string, { timer: ReturnType<typeof setTimeout>; value: AnswerValue }>(),
  );

  const send = useCallback(
    (itemId: string, value: AnswerValue) => {
      window.desktop
        .invoke('exam:answer', { itemId, value })
        .catch((e: unknown) => onError(errorMessage(e)));
    },
    [onError],
  );

  const write = useCallback(
    (itemId: string, value: AnswerValue) => {
      const waiting = timers.current.get(itemId);
      if (waiting !== undefined) clearTimeout(waiting.timer);
      if (value !== null && (value.kind === 'text' || value.kind === 'blanks')) {
        const timer = setTimeout(() => {
          timers.current.delete(itemId);
          send(itemId, value);
        }, TYPING_DEBOUNCE_MS);
        timers.current.set(itemId, { timer, value });
      } else {
        timers.current.delete(itemId);
        send(itemId, value);
      }
    },
    [send],
  );

  const flush = useCallback(() => {
    for (const [itemId, { timer, value }] of timers.current) {
      clearTimeout(timer);
      send(itemId, value);
    }
    timers.current.clear();
  }, [send]);

  useEffect(() => flush, [flush]);
  return { write, flush };
}
