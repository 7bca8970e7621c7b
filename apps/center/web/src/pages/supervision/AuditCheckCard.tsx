import { ReloadOutlined } from '@ant-design/icons';
import { MAX_ANCHORS, parseAnchorLines, type AnchorLines } from '@skillexam/shared';
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useCenter, type CenterContextValue } from '../../center-context';
import type { AuditHead, AuditVerification } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction, useLoad, type Loaded } from '../../components/use-load';
import { AuditVerdict } from './AuditVerdict';
import { verifyAnchors } from './verify-anchors';

type Translate = CenterContextValue['t'];

/** Why the pasted anchors were not sent: the line and what was expected. */
function inputProblem(parsed: AnchorLines, t: Translate): string | undefined {
  if (parsed.ok) return undefined;
  return parsed.problem === 'line'
    ? t('auditAnchorLine', { line: parsed.line, text: parsed.text })
    : t('auditTooMany', { count: parsed.count, max: MAX_ANCHORS });
}

/** The chain's head as `<seq>:<hash>`, copyable, with the advice to keep it elsewhere. */
function ChainHead({ head }: { readonly head: Loaded<AuditHead> }) {
  const { t } = useCenter();
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 12 }}>
      <Space wrap align="center">
        <Typography.Text strong>{t('auditHead')}</Typography.Text>
        {head.data !== undefined &&
          (head.data.seq === 0 ? (
            <Typography.Text type="secondary">{t('auditHeadEmpty')}</Typography.Text>
          ) : (
            <Typography.Text
              code
              copyable={{ text: head.data.anchor }}
              data-testid="audit-head"
              style={{ wordBreak: 'break-all' }}
            >
              {head.data.anchor}
            </Typography.Text>
          ))}
        <Button
          size="small"
          icon={<ReloadOutlined />}
          loading={head.loading}
          onClick={head.reload}
          aria-label={t('refresh')}
        />
      </Space>
      <Typography.Text type="secondary">{t('auditHeadNote')}</Typography.Text>
      <ErrorAlert error={head.error} />
    </Space>
  );
}

/** 审计链核验: the head to write down, and the chain checked against anchors held elsewhere. */
export function AuditCheckCard() {
  const { api, t } = useCenter();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [result, setResult] = useState<AuditVerification | undefined>();
  const action = useAction();
  const head = useLoad(() => api.get<AuditHead>('/api/audit/head'), [api]);

  const verify = async () => {
    setResult(undefined);
    const parsed = parseAnchorLines(text);
    setProblem(inputProblem(parsed, t));
    if (!parsed.ok) return;
    setResult(await action.run(() => verifyAnchors(api, parsed.anchors)));
    head.reload();
  };

  return (
    <Card size="small" title={t('auditCheck')} data-testid="audit-check">
      <Typography.Paragraph type="secondary">{t('auditCheckHelp')}</Typography.Paragraph>
      <ChainHead head={head} />
      <Form layout="vertical" onFinish={() => void verify()}>
        <Form.Item
          label={t('auditAnchors')}
          htmlFor="audit-anchors"
          validateStatus={problem === undefined ? '' : 'error'}
          help={
            problem === undefined ? undefined : <span data-testid="anchor-error">{problem}</span>
          }
        >
          <Input.TextArea
            id="audit-anchors"
            rows={4}
            value={text}
            placeholder={t('auditAnchorsPlaceholder')}
            spellCheck={false}
            style={{ fontFamily: 'monospace' }}
            onChange={(event) => {
              setText(event.target.value);
              setProblem(undefined);
            }}
          />
        </Form.Item>
        <Form.Item style={{ paddingTop: problem === undefined ? 0 : 12 }}>
          <Button type="primary" htmlType="submit" loading={action.busy}>
            {t('auditVerify')}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={action.error} />
      {result !== undefined && <AuditVerdict result={result} />}
    </Card>
  );
}
