import { type CandidatePaper } from '@skillexam/shared';
import { Alert, Button, Card, InputNumber, Space, Typography, message } from 'antd';
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { OperationProgress } from '../operation/OperationProgress';
import type { OperationView } from '../operation/use-operation';
import { AssembledFormCard } from './AssembledFormCard';
import { downloadSigningKey, exportSitePackage } from './paper-files';
import { type AssembledForms } from './use-paper-workbench';

interface Props {
  readonly forms: number;
  readonly onForms: (forms: number) => void;
  readonly seed: number;
  readonly onSeed: (seed: number) => void;
  readonly itemCount: number;
  readonly feasible: boolean;
  readonly running: boolean;
  /** The running assembly's progress (per form), and its cancel. */
  readonly progress: OperationView | undefined;
  readonly onCancel: () => void;
  /** The last assembly was cancelled. */
  readonly cancelled: boolean;
  readonly error: string | undefined;
  readonly result: AssembledForms | undefined;
  readonly onAssemble: () => void;
  readonly onPreview: (paper: CandidatePaper) => void;
}

/** Assembly: forms and seed, the run, its outcome per form, and packaging for a site. */
export function AssemblyCard(props: Props) {
  const { forms, seed, running, error, result } = props;
  const { t } = useI18n();
  const siteKeyInput = useRef<HTMLInputElement>(null);
  const [packaging, setPackaging] = useState<string>();

  const exportPackage = async (paperId: string, siteKey: File | undefined) => {
    if (siteKey === undefined) return;
    const fileName = await exportSitePackage(paperId, siteKey);
    if (fileName !== undefined)
      void message.success(t('author.paper.packaged', { file: fileName }));
  };

  return (
    <Card size="small" title={t('author.paper.assembly')} style={{ marginTop: 16 }}>
      <Space wrap>
        <span>{t('author.paper.forms')}</span>
        <InputNumber
          min={1}
          max={26}
          value={forms}
          aria-label={t('author.paper.forms')}
          onChange={(v) => props.onForms(v ?? 1)}
        />
        <span>{t('author.paper.seed')}</span>
        <InputNumber
          min={0}
          value={seed}
          aria-label={t('author.paper.seed')}
          onChange={(v) => props.onSeed(v ?? 1)}
        />
        <Button
          type="primary"
          loading={running}
          disabled={!props.feasible}
          onClick={props.onAssemble}
          data-testid="assemble"
        >
          {t('author.paper.assemble', { count: props.itemCount })}
        </Button>
      </Space>
      {running && props.progress !== undefined && (
        <div style={{ marginTop: 12 }}>
          <OperationProgress
            view={props.progress}
            onCancel={props.onCancel}
            testId="assembly-progress"
          />
        </div>
      )}
      {props.cancelled && (
        <Alert
          type="info"
          showIcon
          message={t('progress.cancelled')}
          style={{ marginTop: 12 }}
          data-testid="assembly-cancelled"
        />
      )}
      {error !== undefined && (
        <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />
      )}
      {result !== undefined && !result.ok && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          message={t('author.paper.failed')}
          description={
            <ul>
              {result.problems.map((p) => (
                <li key={p.message}>{p.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {result?.ok === true &&
        result.forms.map((form) => (
          <AssembledFormCard
            key={form.paperId}
            form={form}
            onPreview={props.onPreview}
            onPackage={(paperId) => {
              setPackaging(paperId);
              siteKeyInput.current?.click();
            }}
          />
        ))}
      <input
        ref={siteKeyInput}
        type="file"
        accept=".pem,.pub,.txt"
        style={{ display: 'none' }}
        data-testid="site-key-file"
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          event.target.value = '';
          if (packaging !== undefined) void exportPackage(packaging, chosen);
        }}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('author.paper.packageHelp')}{' '}
        <Button size="small" type="link" data-testid="signing-key" onClick={downloadSigningKey}>
          {t('author.paper.signingKey')}
        </Button>
      </Typography.Paragraph>
    </Card>
  );
}
