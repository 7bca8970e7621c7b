import { DownloadOutlined, EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { type CandidatePaper } from '@skillexam/shared';
import { Button, Card, List, Space, Tag, Typography, message } from 'antd';
import { useI18n } from '../../i18n';
import { errorMessage } from '@skillexam/shared';
import { bank } from '../author-api';
import { downloadPaperPdf } from './paper-files';
import { type AssembledForms } from './use-paper-workbench';

export type AssembledForm = AssembledForms['forms'][number];

interface Props {
  readonly form: AssembledForm;
  readonly onPreview: (paper: CandidatePaper) => void;
  readonly onPackage: (paperId: string) => void;
}

/** One assembled form: its checks against the blueprint and its preview, PDF and package buttons. */
export function AssembledFormCard({ form, onPreview, onPackage }: Props) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      type="inner"
      style={{ marginTop: 12 }}
      data-testid="assembled-form"
      title={`${form.label}卷 · ${form.paperId}`}
      extra={
        <Tag color={form.checks.every((c) => c.ok) ? 'green' : 'red'}>
          {form.checks.every((c) => c.ok)
            ? t('author.paper.allSatisfied')
            : t('author.paper.notSatisfied')}
        </Tag>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('author.paper.summary', {
          items: form.items,
          p: form.meanP.toFixed(3),
          ms: Math.round(form.solver.timeMs),
          solver: `${form.solver.solver} ${form.solver.status}`,
        })}
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={form.checks}
        renderItem={(c) => (
          <List.Item>
            <span>
              {c.ok ? '✓' : '✗'} {c.label}：{c.actual}（{t('author.paper.required')} {c.required}）
            </span>
          </List.Item>
        )}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Button
          icon={<EyeOutlined />}
          onClick={() =>
            void bank('bank:paper-preview', { paperId: form.paperId }).then(
              onPreview,
              (e: unknown) => void message.error(errorMessage(e)),
            )
          }
          data-testid="paper-preview"
        >
          {t('author.paper.preview')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void downloadPaperPdf(form.paperId, 'paper')}
          data-testid="paper-pdf"
        >
          {t('author.paper.pdf')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void downloadPaperPdf(form.paperId, 'key')}
        >
          {t('author.paper.keyPdf')}
        </Button>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          onClick={() => onPackage(form.paperId)}
          data-testid="export-package"
        >
          {t('author.paper.package')}
        </Button>
      </Space>
    </Card>
  );
}
