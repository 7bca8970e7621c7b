import type { FileIssue } from '../import-export/item-file-types';
import { formatIssue, type ImportReport } from './import-report';

/*
 * The text the CLI prints for an import report: one head line with the counts, then one line per
 * issue. A dry run says what the real import with the same options would do, with the same
 * counts (docs/decisions/0633); `--valid-only` is only suggested when it would import something.
 */

function isFileIssue(issue: FileIssue): boolean {
  return issue.row === undefined && issue.line === undefined && issue.item === undefined;
}

function counts(report: ImportReport): string {
  return `新版本 ${report.updated}，已存在 ${report.unchanged}，重复已跳过 ${report.duplicates}，有问题 ${report.skipped}（共 ${report.total}）`;
}

function refusal(report: ImportReport): string {
  const fileError = report.issues.some((i) => i.severity === 'error' && isFileIssue(i));
  const problem = fileError ? '文件有错误' : `${report.skipped} 题有错误（共 ${report.total}）`;
  const advice =
    fileError || report.valid === 0
      ? '，没有可导入的试题；请修正后重试'
      : report.validOnly
        ? '；请修正后重试'
        : `；其余 ${report.valid} 题合格：可修正后重试，或用 --valid-only 只导入这 ${report.valid} 题`;
  return `${problem}${advice}`;
}

export function importHeadline(report: ImportReport): string {
  if (report.refused) {
    return report.dryRun
      ? `试运行（未写入）：导入将被拒绝，${refusal(report)}`
      : `导入被拒绝，题库未做任何修改：${refusal(report)}`;
  }
  return report.dryRun
    ? `试运行（未写入）：将导入 ${report.imported} 题，${counts(report)}`
    : `已导入 ${report.imported} 题，${counts(report)}`;
}

export function importSummary(report: ImportReport): string {
  return [importHeadline(report), ...report.issues.map(formatIssue)].join('\n');
}
