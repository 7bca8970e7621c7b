import { Alert, Button, Card, Space, Steps } from 'antd';
import { useI18n } from '../i18n';
import { ColumnMappingTable } from './import-wizard/ColumnMappingTable';
import { ImportFileDrop } from './import-wizard/ImportFileDrop';
import { ImportOptionsBar } from './import-wizard/ImportOptionsBar';
import { ImportOutcome, RefusalWarning } from './import-wizard/ImportOutcome';
import { ImportPreviewList } from './import-wizard/ImportPreviewList';
import { ImportIssuesTable } from './import-wizard/ImportReportTables';
import { NearDuplicatesTable } from './import-wizard/NearDuplicatesTable';
import { OperationProgress } from './operation/OperationProgress';
import { useImportWizard } from './import-wizard/use-import-wizard';

/** 导入向导: file → format → column mapping (xlsx/csv) → dry run with an error table and a preview of every question → import. */
export function ImportWizard({
  onImported,
  standardId,
}: {
  readonly onImported: () => void;
  /** The standard open in the workbench: rows without a 鉴定点 code go to its 未分类 pool. */
  readonly standardId?: string;
}) {
  const { t } = useI18n();
  const wizard = useImportWizard(onImported, standardId);
  const { step, file, format, report, preview, progress, error } = wizard;
  const mapped = format === 'csv' || format === 'xlsx';

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
      {wizard.cancelled && (
        <Alert
          type="info"
          showIcon
          message={t('progress.cancelled')}
          style={{ marginBottom: 12 }}
          data-testid="import-cancelled"
        />
      )}
      {progress !== undefined && (
        <OperationProgress
          view={progress}
          testId="import-progress"
          {...(wizard.importing ? { onCancel: wizard.cancel } : {})}
        />
      )}
      {step === 0 && <ImportFileDrop onPick={(raw) => void wizard.pick(raw)} />}
      {step >= 1 && file !== undefined && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ImportOptionsBar
            file={file}
            format={format}
            onFormat={wizard.setFormat}
            pointCode={wizard.pointCode}
            onPointCode={wizard.setPointCode}
            validOnly={wizard.validOnly}
            onValidOnly={wizard.setValidOnly}
          />
          {mapped && step === 1 && (
            <ColumnMappingTable
              fields={wizard.fields}
              headers={wizard.headers}
              mapping={wizard.mapping}
              onChange={wizard.setMapping}
            />
          )}
          <Space>
            <Button onClick={wizard.restart} disabled={wizard.importing}>
              {t('author.import.again')}
            </Button>
            <Button
              type="primary"
              onClick={() => void wizard.run(true)}
              disabled={wizard.importing}
              data-testid="import-dry-run"
            >
              {t('author.import.dryRun')}
            </Button>
            <Button
              onClick={() => void wizard.run(false)}
              disabled={
                wizard.importing || report === undefined || (!report.dryRun && report.committed)
              }
              data-testid="import-commit"
            >
              {t('author.import.commit')}
            </Button>
          </Space>
          {report !== undefined && (
            <>
              <ImportOutcome report={report} />
              {report.dryRun && report.refused && report.valid > 0 && (
                <RefusalWarning report={report} />
              )}
              {report.nearDuplicateClusters > 0 && <NearDuplicatesTable report={report} />}
              <ImportIssuesTable report={report} />
              {report.dryRun && preview !== undefined && <ImportPreviewList preview={preview} />}
            </>
          )}
        </Space>
      )}
    </Card>
  );
}
