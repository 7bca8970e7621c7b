import { Alert } from 'antd';

interface Props {
  readonly error: string | undefined;
  readonly title?: string;
}

/** A server refusal as the server wrote it (Chinese first; multi-line reports kept). */
export function ErrorAlert({ error, title }: Props) {
  if (error === undefined) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      title={title ?? error.split('\n')[0]}
      description={
        title === undefined && !error.includes('\n') ? undefined : (
          <pre style={{ whiteSpace: 'pre-wrap', margin: 0, fontFamily: 'inherit' }}>{error}</pre>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
