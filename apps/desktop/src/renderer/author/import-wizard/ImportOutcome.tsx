import { type BankImportReport } from '@skillexam/shared';
import { Alert, Result } from 'antd';
import { useI18n } from '../../i18n';

/** The headline of a dry run or an import: what would be (or was) written, updated and skipped. */
export function ImportOutcome({ report }: { readonly report: BankImportReport }) {
  const { t } = useI18n();
  return (
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
  );
}

/** A dry run that the real import would refuse unless "valid rows only" is ticked. */
export function RefusalWarning({ report }: { readonly report: BankImportReport }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      message={t('author.import.wouldRefuse', {
        skipped: report.skipped,
        valid: report.valid,
      })}
    />
  );
}
