import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  BANK_IMPORT_FORMATS,
  type BankImportReport,
  type BankSearchFilter,
} from '@skillexam/shared';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Input,
  Progress,
  Result,
  Row,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
  message,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { formatSize } from './format-size';
import { bank, downloadBase64, errorMessage, fileToBase64 } from './author-api';
import { columnLetter, guessMapping, type TemplateFieldInfo } from './import-mapping';
import { nearDuplicateRows, type NearDuplicateRow } from './import-report-view';

interface Picked {
  readonly name: string;
  readonly data: string;
  readonly size: number;
}

type Issue = BankImportReport['issues'][number];

/** 导入向导: file → format → column mapping (xlsx/csv) → dry run with an error table → import. */
export function ImportWizard({
  onImported,
  standardId,
}: {
  readonly onImported: () => void;
  /** The standard open in the workbench: rows without a 鉴定点 code go to its 未分类 pool. */
  readonly standardId?: string;
}) {
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<Picked>();
  const [format, setFormat] = useState<string>();
  const [headers, setHeaders] = useState<string[]>([]);
  const [fields, setFields] = useState<TemplateFieldInfo[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [pointCode, setPointCode] = useState('');
  const [validOnly, setValidOnly] = useState(false);
  const [report, setReport] = useState<BankImportReport>();
  const [progress, setProgress] = useState<{ percent: number; label: string }>();
  const [error, setError] = useState<string>();

  const pick = async (raw: File) => {
    setError(undefined);
    setReport(undefined);
    setProgress({ percent: 10, label: t('author.import.reading') });
    try {
      const data = await fileToBase64(raw);
      const inspection = await bank('bank:inspectImport', { fileName: raw.name, data });
      setFile({ name: raw.name, data, size: raw.size });
      setFormat(inspection.format);
      setHeaders(inspection.headers);
      setFields(inspection.fields);
      setMapping(guessMapping(inspection.headers, inspection.fields));
      setStep(1);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setProgress(undefined);
    }
  };

  const run = async (dryRun: boolean) => {
    if (file === undefined) return;
    setError(undefined);
    setProgress({
      percent: 30,
      label: dryRun ? t('author.import.checking') : t('author.import.writing'),
    });
    const ticker = setInterval(
      () =>
        setProgress((p) => (p === undefined ? p : { ...p, percent: Math.min(95, p.percent + 5) })),
      300,
    );
    try {
      const result = await bank('bank:importItems', {
        fileName: file.name,
        data: file.data,
        dryRun,
        validOnly,
        ...(format === undefined ? {} : { format: format as (typeof BANK_IMPORT_FORMATS)[number] }),
        ...(format === 'csv' || format === 'xlsx' ? { mapping } : {}),
        ...(pointCode.trim() === '' ? {} : { defaultPointCode: pointCode.trim() }),
        ...(standardId === undefined ? {} : { standardId }),
      });
      setReport(result);
      setProgress({ percent: 100, label: t('author.import.done') });
      setStep(dryRun ? 2 : 3);
      if (!dryRun && result.committed) onImported();
    } catch (e) {
      setError(errorMessage(e));
      setProgress(undefined);
    } finally {
      clearInterval(ticker);
    }
  };

  const mapped = format === 'csv' || format === 'xlsx';
  /** Near duplicates: row, item (ids exist only once imported), similar item, similarity. */
  const nearColumns = (committed: boolean) => [
    { title: t('author.import.nearPlace'), dataIndex: 'place', width: 110 },
    {
      title: t('author.import.nearItem'),
      width: 200,
      render: (_: unknown, row: NearDuplicateRow) =>
        committed ? row.itemId : t('author.import.nearNew'),
    },
    {
      title: t('author.import.nearOther'),
      width: 220,
      render: (_: unknown, row: NearDuplicateRow) => row.otherPlace ?? row.otherItemId,
    },
    {
      title: t('author.import.nearSimilarity'),
      render: (_: unknown, row: NearDuplicateRow) => (
        <Space size={4}>
          <span>{row.similarity.toFixed(2)}</span>
          <Tag>{t(`author.import.nearKind.${row.kind}`)}</Tag>
        </Space>
      ),
    },
  ];
  const issueColumns = [
    {
      title: t('author.import.severity'),
      dataIndex: 'severity',
      width: 70,
      render: (s: Issue['severity']) => (
        <Tag color={s === 'error' ? 'red' : 'gold'}>
          {s === 'error' ? t('author.import.error') : t('author.import.warning')}
        </Tag>
      ),
    },
    {
      title: t('author.import.where'),
      width: 200,
      render: (_: unknown, issue: Issue) =>
        issue.item ??
        [
          issue.row === undefined ? undefined : `第${issue.row}行`,
          issue.line === undefined ? undefined : `第${issue.line}行`,
        ]
          .filter((p) => p !== undefined)
          .join(' '),
    },
    { title: t('author.import.field'), dataIndex: 'field', width: 100 },
    { title: t('author.import.reason'), dataIndex: 'reason' },
  ];

  return (
    <Card size="small" title={t('author.import.title')} data-testid="import-wizard">
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('author.import.stepFile') },
          { title: t('author.import.stepMapping') },
          { title: t('author.import.stepDryRun') },
          { title: t('author.import.stepImport') },
        ]}
      />
      {error !== undefined && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />
      )}
      {progress !== undefined && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{progress.label}</Typography.Text>
          <Progress percent={progress.percent} data-testid="import-progress" />
        </div>
      )}
      {step === 0 && (
        <Upload.Dragger
          multiple={false}
          showUploadList={false}
          accept=".xlsx,.csv,.txt,.xml,.gift,.zip,.bankpkg,.docx"
          beforeUpload={(raw) => {
            void pick(raw);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('author.import.drop')}</p>
          <Typography.Text type="secondary">{t('author.import.formats')}</Typography.Text>
        </Upload.Dragger>
      )}
      {step >= 1 && file !== undefined && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text>
              {t('author.import.file')}：<b>{file.name}</b>（{formatSize(file.size)}）
            </Typography.Text>
            <Typography.Text>{t('author.import.format')}：</Typography.Text>
            <Select
              value={format}
              style={{ width: 120 }}
              onChange={setFormat}
              options={BANK_IMPORT_FORMATS.map((f) => ({ value: f, label: f }))}
              data-testid="import-format"
            />
            <Input
              style={{ width: 220 }}
              value={pointCode}
              onChange={(e) => setPointCode(e.target.value)}
              placeholder={t('author.import.defaultPoint')}
            />
            <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>
              {t('author.import.validOnly')}
            </Checkbox>
          </Space>
          {mapped && step === 1 && (
            <Table
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={fields}
              scroll={{ y: 320 }}
              columns={[
                { title: t('author.import.templateField'), dataIndex: 'header', width: 160 },
                {
                  title: t('author.import.fileColumn'),
                  render: (_: unknown, entry: TemplateFieldInfo) => (
                    <Select
                      allowClear
                      style={{ width: 260 }}
                      value={mapping[entry.field]}
                      placeholder={t('author.import.unmapped')}
                      onChange={(value?: string) => {
                        const next = Object.entries(mapping).filter(
                          ([field]) => field !== entry.field,
                        );
                        if (value !== undefined) next.push([entry.field, value]);
                        setMapping(Object.fromEntries(next));
                      }}
                      options={headers.map((header, index) => ({
                        value: header === '' ? columnLetter(index) : header,
                        label: `${columnLetter(index)} · ${header}`,
                      }))}
                    />
                  ),
                },
              ]}
            />
          )}
          <Space>
            <Button
              onClick={() => {
                setStep(0);
                setFile(undefined);
                setReport(undefined);
              }}
            >
              {t('author.import.again')}
            </Button>
            <Button type="primary" onClick={() => void run(true)} data-testid="import-dry-run">
              {t('author.import.dryRun')}
            </Button>
            <Button
              onClick={() => void run(false)}
              disabled={report === undefined || (!report.dryRun && report.committed)}
              data-testid="import-commit"
            >
              {t('author.import.commit')}
            </Button>
          </Space>
          {report !== undefined && (
            <>
              <Result
                status={report.committed ? 'success' : report.refused ? 'warning' : 'info'}
                title={
                  report.dryRun
                    ? t('author.import.dryRunResult', {
                        imported: report.valid,
                        skipped: report.skipped,
                        total: report.total,
                      })
                    : report.committed
                      ? t('author.import.committed', {
                          imported: report.imported,
                          updated: report.updated,
                        })
                      : t('author.import.refused')
                }
                subTitle={t('author.import.summary', {
                  imported: report.imported,
                  updated: report.updated,
                  unchanged: report.unchanged,
                  duplicates: report.duplicates,
                  skipped: report.skipped,
                })}
              />
              {report.dryRun && report.refused && report.valid > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  message={t('author.import.wouldRefuse', {
                    skipped: report.skipped,
                    valid: report.valid,
                  })}
                />
              )}
              {report.nearDuplicates.length > 0 && (
                <Table
                  size="small"
                  title={() => t('author.import.nearTitle')}
                  rowKey="key"
                  dataSource={nearDuplicateRows(report)}
                  columns={nearColumns(report.committed)}
                  pagination={{ pageSize: 10 }}
                  data-testid="import-near-duplicates"
                />
              )}
              <Table
                size="small"
                rowKey={(_, index) => String(index)}
                dataSource={report.issues}
                columns={issueColumns}
                pagination={{ pageSize: 20 }}
                data-testid="import-issues"
              />
            </>
          )}
        </Space>
      )}
    </Card>
  );
}

/** 导出: the items matching the list's filter, in one of the bank's export formats. */
export function ExportPanel({ filter }: { readonly filter: BankSearchFilter }) {
  const { t } = useI18n();
  const [format, setFormat] = useState<'xlsx' | 'csv' | 'qti' | 'bankpkg'>('xlsx');
  const [busy, setBusy] = useState(false);
  return (
    <Card size="small" title={t('author.export.title')}>
      <Row gutter={8}>
        <Col>
          <Select
            value={format}
            onChange={setFormat}
            style={{ width: 140 }}
            options={(['xlsx', 'csv', 'qti', 'bankpkg'] as const).map((f) => ({
              value: f,
              label: f,
            }))}
          />
        </Col>
        <Col>
          <Button
            icon={<DownloadOutlined />}
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                const result = await bank('bank:exportItems', { format, query: '', filter });
                downloadBase64(result.fileName, result.data);
                void message.success(t('author.export.done', { count: result.count }));
              } catch (e) {
                void message.error(errorMessage(e));
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('author.export.run')}
          </Button>
        </Col>
      </Row>
    </Card>
  );
}
