import { SafetyCertificateOutlined } from '@ant-design/icons';
import { errorMessage, type ResultsVerifyReply } from '@skillexam/shared';
import { Alert, Button, Card, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useConsole } from '../../console-context';
import { siteResultsApi } from './results-api';
import { useResultsText } from './results-messages';

type Outcome =
  | { readonly kind: 'report'; readonly file: string; readonly report: ResultsVerifyReply }
  | { readonly kind: 'error'; readonly file: string; readonly message: string };

/*
 * 核对成绩包 (as `proctor-server results verify <package>`; docs/decisions/0992): the chosen file
 * goes to the server, which checks the signature and the chain-head signature and re-derives
 * every score with the CLI's function; its lines are shown as the CLI prints them.
 */
export function ResultsVerifyCard() {
  const { login } = useConsole();
  const text = useResultsText();
  const api = useMemo(() => siteResultsApi(login.token), [login.token]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  const check = async (file: File) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const report = await api.verify(new Uint8Array(await file.arrayBuffer()));
      setOutcome({ kind: 'report', file: file.name, report });
    } catch (err) {
      setOutcome({ kind: 'error', file: file.name, message: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const ok = outcome?.kind === 'report' && outcome.report.ok;
  return (
    <Card size="small" title={text('verifyTitle')} data-testid="results-verify">
      <Typography.Paragraph type="secondary">{text('verifyHint')}</Typography.Paragraph>
      <Upload
        accept=".json,application/json"
        showUploadList={false}
        beforeUpload={(file) => {
          void check(file);
          return false;
        }}
      >
        <Button icon={<SafetyCertificateOutlined />} loading={busy} data-testid="verify-upload">
          {text('chooseResults')}
        </Button>
      </Upload>
      {outcome !== undefined && (
        <Alert
          style={{ marginTop: 12 }}
          type={ok ? 'success' : 'error'}
          showIcon
          data-testid="verify-report"
          data-ok={String(ok)}
          title={`${ok ? text('verifyOk') : text('verifyFailed')} · ${outcome.file}`}
          description={
            <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {outcome.kind === 'report' ? outcome.report.lines.join('\n') : outcome.message}
            </pre>
          }
        />
      )}
    </Card>
  );
}
