import { errorMessage } from '@skillexam/shared';
import { App } from 'antd';
import type { ClientAckData, ClientEventName, ClientPayload } from '@skillexam/shared';
import { useCallback, useEffect, useState } from 'react';
import { useConsole } from '../console-context';

/** Loads `event` once (and on `reload()`), showing a failure as an error message. */
export function useQuery<E extends ClientEventName>(
  event: E,
  payload: ClientPayload<E>,
  deps: readonly unknown[],
): { data: ClientAckData<E> | undefined; error: string | undefined; reload: () => void } {
  const { connection } = useConsole();
  const [data, setData] = useState<ClientAckData<E> | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    connection.call(event, payload).then(
      (result) => {
        if (!live) return;
        setData(result);
        setError(undefined);
      },
      (err: unknown) => {
        if (live) setError(errorMessage(err));
      },
    );
    return () => {
      live = false;
    };
  }, [connection, event, tick, ...deps]);
  return { data, error, reload: useCallback(() => setTick((n) => n + 1), []) };
}

/** Runs an action event; success and failure are shown as antd messages. */
export function useAction(): <E extends ClientEventName>(
  event: E,
  payload: ClientPayload<E>,
  success?: string,
) => Promise<ClientAckData<E> | undefined> {
  const { connection } = useConsole();
  const { message } = App.useApp();
  return useCallback(
    async (event, payload, success) => {
      try {
        const result = await connection.call(event, payload);
        if (success !== undefined) void message.success(success);
        return result;
      } catch (err) {
        void message.error(errorMessage(err), 6);
        return undefined;
      }
    },
    [connection, message],
  );
}
