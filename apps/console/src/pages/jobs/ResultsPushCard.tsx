import { CloudUploadOutlined } from '@ant-design/icons';
import { errorMessage, type ResultsPushReply } from '@skillexam/shared';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { JobView } from '../../api/jobs-client';
import { useConsole } from '../../console-context';
import { formatDateTime } from '../keys/format-time';
import { siteResultsApi } from './results-api';
import { useResultsText } from './results-messages';

type Outcome =
  | { readonly kind: 'reply'; readonly reply: ResultsPushReply }
  | { readonly kind: 'error'; readonly message: string };

interface Props {
  /** The admin's results-export jobs (newest first). */
  readonly jobs: readonly JobView[];
  /** Session names by id, for the list. */
  readonly names: ReadonlyMap<string, string>;
}

/*
 * 上报评价中心 (as `proctor-server results push <package> --to <centre>`; docs/decisions/0991): the
 * package of a finished export goes to the address typed here, remembered for the site; the
 * centre's verdict is shown in the words the CLI prints.
 */
export function ResultsPushCard({ jobs, names }: Props) {
  const { login } = useConsole();
  const text = useResultsText();
  const api = useMemo(() => siteResultsApi(login.token), [login.token]);
  const exported = [
    ...new Set(
      jobs
        .filter((j) => j.status === 'succeeded' && j.sessionId !== undefined)
        .map((j) => j.sessionId as string),
    ),
  ];
  const [sessionId, setSessionId] = useState<string | undefined>();
  const [centreUrl, setCentreUrl] = useState('');
  const [saved, setSaved] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  useEffect(() => {
    let live = true;
    api.centre().then(
      (setting) => {
        if (!live || setting.centreUrl === null) return;
        setCentreUrl((typed) => (typed === '' ? (setting.centreUrl ?? '') : typed));
        if (setting.updatedBy !== undefined && setting.updatedAt !== undefined)
          setSaved(
            text('centreSavedBy', { by: setting.updatedBy, at: formatDateTime(setting.updatedAt) }),
          );
      },
      () => undefined, // the field stays empty; a push names any problem
    );
    return () => {
      live = false;
    };
    // once per sign-in: the remembered address is only a starting value (`text` is per render)
  }, [api]);

  const chosen = sessionId ?? exported[0];
  const push = async () => {
    if (chosen === undefined) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      setOutcome({ kind: 'reply', reply: await api.push(chosen, centreUrl.trim()) });
    } catch (err) {
      setOutcome({ kind: 'error', message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={text('pushTitle')} data-testid="results-push">
      <Typography.Paragraph type="secondary">{text('pushHint')}</Typography.Paragraph>
      {exported.length === 0 ? (
        <Alert type="info" showIcon title={text('noExported')} data-testid="push-needs-export" />
      ) : (
        <Form layout="vertical" onFinish={() => void push()}>
          <Space wrap align="end">
            <Form.Item label={text('pushSession')} style={{ marginBottom: 0 }}>
              <Select
                style={{ minWidth: 320 }}
                aria-label={text('pushSession')}
                value={chosen ?? null}
                onChange={setSessionId}
                options={exported.map((id) => ({
                  value: id,
                  label: `${names.get(id) ?? id} (${id})`,
                }))}
                data-testid="push-session"
              />
            </Form.Item>
            <Form.Item
              label={text('centreUrl')}
              style={{ marginBottom: 0 }}
              {...(saved === undefined ? {} : { extra: saved })}
            >
              <Input
                style={{ width: 340 }}
                aria-label={text('centreUrl')}
                placeholder={text('centrePlaceholder')}
                value={centreUrl}
                onChange={(e) => setCentreUrl(e.target.value)}
                data-testid="centre-url"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<CloudUploadOutlined />}
              loading={busy}
              disabled={centreUrl.trim() === ''}
              data-testid="push-button"
            >
              {text('push')}
            </Button>
          </Space>
        </Form>
      )}
      {outcome !== undefined && <PushOutcome outcome={outcome} />}
    </Card>
  );
}

function PushOutcome({ outcome }: { outcome: Outcome }) {
  const text = useResultsText();
  if (outcome.kind === 'error')
    return (
      <Alert
        style={{ marginTop: 12 }}
        type="error"
        showIcon
        title={text('centreRefused')}
        description={outcome.message}
        data-testid="push-verdict"
        data-verdict="error"
      />
    );
  const { verdict, lines, packageFile, packageSha256 } = outcome.reply;
  const status = verdict.ok ? (verdict.data?.status ?? 'ingested') : 'refused';
  const title =
    status === 'ingested'
      ? text('accepted')
      : status === 'already_ingested'
        ? text('duplicate')
        : text('centreRefused');
  return (
    <Alert
      style={{ marginTop: 12 }}
      type={status === 'ingested' ? 'success' : status === 'already_ingested' ? 'info' : 'error'}
      showIcon
      title={title}
      data-testid="push-verdict"
      data-verdict={status}
      description={
        <>
          <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{lines.join('\n')}</pre>
          <Typography.Text type="secondary">
            {text('packageSent', { file: packageFile, hash: packageSha256.slice(0, 16) })}
          </Typography.Text>
        </>
      }
    />
  );
}
