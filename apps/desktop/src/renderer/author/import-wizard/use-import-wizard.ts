import {
  errorMessage,
  type BankImportFormat,
  type BankImportReport,
  type ImportPreview,
} from '@skillexam/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useAssetCache } from '../asset-cache';
import { bank, fileToBase64 } from '../author-api';
import { guessMapping, type TemplateFieldInfo } from '../import-mapping';
import { isCancelled, useOperation } from '../operation/use-operation';

export interface PickedFile {
  readonly name: string;
  readonly data: string;
  readonly size: number;
}

/** The wizard's state: the picked file, its format and column mapping, the options and the report. */
export function useImportWizard(onImported: () => void, standardId: string | undefined) {
  const { t } = useI18n();
  const assets = useAssetCache();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<PickedFile>();
  const [format, setFormat] = useState<BankImportFormat>();
  const [headers, setHeaders] = useState<string[]>([]);
  const [fields, setFields] = useState<TemplateFieldInfo[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [pointCode, setPointCode] = useState('');
  const [validOnly, setValidOnly] = useState(false);
  const [report, setReport] = useState<BankImportReport>();
  const [preview, setPreview] = useState<ImportPreview>();
  const operation = useOperation();
  const [importing, setImporting] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<string>();

  const pick = async (raw: File) => {
    setError(undefined);
    setCancelled(false);
    setReport(undefined);
    setPreview(undefined);
    operation.begin(t('author.import.reading'));
    try {
      const data = await fileToBase64(raw);
      const inspection = await bank('bank:inspect-import', { fileName: raw.name, data });
      setFile({ name: raw.name, data, size: raw.size });
      setFormat(inspection.format);
      setHeaders(inspection.headers);
      setFields(inspection.fields);
      setMapping(guessMapping(inspection.headers, inspection.fields));
      setStep(1);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      operation.end();
    }
  };

  const previewOf = async (picked: PickedFile) => {
    const shown = await bank('bank:preview-import', {
      fileName: picked.name,
      data: picked.data,
      ...(format === undefined ? {} : { format }),
      ...(format === 'csv' || format === 'xlsx' ? { mapping } : {}),
    });
    // Pictures not yet in the bank: the preview shows them from the file.
    for (const picture of shown.pictures) assets.put(picture.hash, picture.dataUrl);
    return shown;
  };

  const run = async (dryRun: boolean) => {
    if (file === undefined) return;
    setError(undefined);
    setCancelled(false);
    setImporting(true);
    // The bar follows the host's progress events for this operation (docs/decisions/0950).
    const operationId = operation.begin(
      dryRun ? t('author.import.checking') : t('author.import.writing'),
    );
    try {
      const result = await bank('bank:import-items', {
        fileName: file.name,
        data: file.data,
        dryRun,
        validOnly,
        operationId,
        ...(format === undefined ? {} : { format }),
        ...(format === 'csv' || format === 'xlsx' ? { mapping } : {}),
        ...(pointCode.trim() === '' ? {} : { defaultPointCode: pointCode.trim() }),
        ...(standardId === undefined ? {} : { standardId }),
      });
      setReport(result);
      operation.end(t('author.import.finished', { count: result.total.toLocaleString('en-US') }));
      setStep(dryRun ? 2 : 3);
      // Then the questions as the candidate will see them, with key and 解析 (dry run only).
      setPreview(dryRun ? await previewOf(file) : undefined);
      if (!dryRun && result.committed) onImported();
    } catch (e) {
      operation.end();
      if (isCancelled(e)) setCancelled(true);
      else setError(errorMessage(e));
    } finally {
      setImporting(false);
    }
  };

  const restart = () => {
    setStep(0);
    setFile(undefined);
    setReport(undefined);
    setPreview(undefined);
  };

  return {
    step,
    file,
    format,
    setFormat,
    headers,
    fields,
    mapping,
    setMapping,
    pointCode,
    setPointCode,
    validOnly,
    setValidOnly,
    report,
    preview,
    /** The running (or just finished) operation's progress. */
    progress: operation.view,
    /** An import or dry run is running: it can be cancelled. */
    importing,
    cancel: operation.cancel,
    /** The last run was cancelled: nothing was written. */
    cancelled,
    error,
    pick,
    run,
    restart,
  };
}
