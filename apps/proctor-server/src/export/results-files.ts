import { writeFileSync } from 'node:fs';
import { keyIdOf } from '@skillexam/item-bank/exam-package';
import { signResultsPackage } from '@skillexam/item-bank/results-package';
import {
  sessionResponseMatrix,
  type PaperAnswerKeys,
  type Progress,
  type ResponseMatrix,
} from '@skillexam/shared';
import type { latestCheckpoint } from '../audit/audit-repository';
import type { Store } from '../db/store';
import { buildIncidentRecord } from '../incidents/incident-record-data';
import { renderIncidentRecord } from '../pdf/index';
import {
  buildResultsPayload,
  renderAnswerSheets,
  writeScoreSummaryXlsx,
  type CandidateResult,
  type ResultsSession,
} from '../results/index';
import { answerSecondsOfSession, packageChainLinks } from '../results/package-chain';
import type { StagedOutput } from './staged-output';
import { analysisJsonOf, responsesCsvOf, statisticsExport } from './statistics-export';

/*
 * The files of a results export, one builder each (docs/decisions/0980): 成绩汇总表, 考生答卷,
 * the signed results package, the statistics export for the bank and the 考场情况记录. The
 * export writes them all into the staged folder, each under its own phase (the file's name as
 * the phase's label); a console download builds only the one it was asked for, with the same
 * builder, so the file is the same.
 */

export const RESULTS_FILES = [
  'scoreSummary',
  'answerSheets',
  'resultsPackage',
  'incidentRecord',
  'itemStatistics',
  'responses',
] as const;
export type ResultsFile = (typeof RESULTS_FILES)[number];
export type ResultsFileNames = Readonly<Record<ResultsFile, string>>;

/** The files' names in an export folder. */
export function resultsFileNames(sessionId: string): ResultsFileNames {
  return {
    scoreSummary: `成绩汇总表-${sessionId}.xlsx`,
    resultsPackage: `results-${sessionId}.json`,
    answerSheets: `考生答卷-${sessionId}.pdf`,
    incidentRecord: `考场情况记录-${sessionId}.pdf`,
    itemStatistics: `item-analysis-${sessionId}.json`,
    responses: `responses-${sessionId}.csv`,
  };
}

export interface ResultsFilesInput {
  readonly session: ResultsSession;
  readonly keys: PaperAnswerKeys;
  readonly results: readonly CandidateResult[];
  readonly head: ReturnType<typeof latestCheckpoint>;
  readonly options: {
    readonly siteName: string;
    readonly occupationAndLevel: string;
    readonly now: Date;
  };
  readonly progress: Progress;
}

const chainHeadOf = (input: ResultsFilesInput) =>
  input.head === undefined ? {} : { chainHead: input.head };

/** 成绩汇总表 (.xlsx). */
export function scoreSummaryFile(input: ResultsFilesInput): Promise<Uint8Array> {
  return writeScoreSummaryXlsx({
    session: input.session,
    sectionTitles: input.keys.sections.map((s) => s.title),
    results: input.results,
    generatedAt: input.options.now,
    ...chainHeadOf(input),
  });
}

/** 考生答卷 (PDF), one candidate at a time under the `rendering` phase labelled `label`. */
export function answerSheetsFile(input: ResultsFilesInput, label?: string): Promise<Uint8Array> {
  return renderAnswerSheets(input.session, input.keys, input.results, input.options.now, {
    progress: input.progress,
    ...(label === undefined ? {} : { label }),
  });
}

/** The results package, signed with the server key (version 3, docs/decisions/1012). */
export function resultsPackageFile(store: Store, input: ResultsFilesInput): Uint8Array {
  const { session, keys, results, head, options } = input;
  const links =
    head === undefined ? undefined : packageChainLinks(store.db, session.sessionId, head, results);
  const payload = buildResultsPayload({
    session,
    keys,
    results,
    serverKeyId: keyIdOf(store.serverKey.publicKey),
    generatedAt: options.now,
    answerSeconds: answerSecondsOfSession(store.db, session.sessionId),
    ...(head === undefined
      ? {}
      : { audit: { head, publicKeyPem: store.keys.auditSigning.publicKeyPem, links } }),
  });
  const serverPrivatePem = store.serverKey.privateKey
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return signResultsPackage(payload, serverPrivatePem);
}

/** The anonymous response matrix the statistics export is made of (normal, scored papers). */
function responseMatrixOf(input: ResultsFilesInput): ResponseMatrix {
  return sessionResponseMatrix(
    input.keys,
    input.results.flatMap((result, index) =>
      result.status === 'normal' && result.score !== undefined && result.answers !== undefined
        ? [
            {
              candidateId: `C${String(index + 1).padStart(4, '0')}`,
              answers: result.answers,
              score: result.score,
            },
          ]
        : [],
    ),
  );
}

const administrationOf = (input: ResultsFilesInput) => ({
  id: input.session.sessionId,
  startsAt: input.session.startsAt,
});

/** 作答数据 (.csv) for `qbank analyze` and `qbank stats import`. */
export function responsesFile(input: ResultsFilesInput): string {
  return responsesCsvOf(responseMatrixOf(input), input.keys, administrationOf(input));
}

/** 试题分析 (.json), with the scoring options the server used. */
export function itemStatisticsFile(input: ResultsFilesInput): string {
  return analysisJsonOf(responseMatrixOf(input), input.keys);
}

/** 考场情况记录 (PDF), pinned to the chain head it was printed at (0214). */
export function incidentRecordFile(
  store: Store,
  sessionId: string,
  options: ResultsFilesInput['options'],
  head: ResultsFilesInput['head'],
): Promise<Uint8Array> {
  return renderIncidentRecord({
    ...buildIncidentRecord(store.db, sessionId, options),
    ...(head === undefined ? {} : { chainHead: head }),
  });
}

/** One file on its own: what a console download serves. */
export async function buildResultsFile(
  store: Store,
  file: ResultsFile,
  input: ResultsFilesInput,
): Promise<Uint8Array | string> {
  switch (file) {
    case 'scoreSummary':
      return scoreSummaryFile(input);
    case 'answerSheets':
      return answerSheetsFile(input);
    case 'resultsPackage':
      return resultsPackageFile(store, input);
    case 'itemStatistics':
      return itemStatisticsFile(input);
    case 'responses':
      return responsesFile(input);
    case 'incidentRecord':
      return incidentRecordFile(store, input.session.sessionId, input.options, input.head);
  }
}

/** One unit of work under its own phase, labelled with the file it writes. */
async function single(
  progress: Progress,
  phase: 'writing' | 'packaging' | 'rendering',
  label: string,
  work: () => Promise<void> | void,
): Promise<void> {
  const step = progress.phase(phase, { total: 1, label, unit: 'files' });
  await work();
  step.advance();
  step.end();
}

/** Every file of the export into the staged folder, with the builders above. */
export async function writeFiles(
  store: Store,
  output: StagedOutput,
  names: ResultsFileNames,
  input: ResultsFilesInput,
): Promise<void> {
  const { progress } = input;
  const write = (file: ResultsFile, bytes: Uint8Array | string) =>
    writeFileSync(output.staged(names[file]), bytes);
  await single(progress, 'writing', names.scoreSummary, async () => {
    write('scoreSummary', await scoreSummaryFile(input));
  });
  write('answerSheets', await answerSheetsFile(input, names.answerSheets));
  await single(progress, 'packaging', names.resultsPackage, () => {
    write('resultsPackage', resultsPackageFile(store, input));
  });
  const statistics = statisticsExport(
    responseMatrixOf(input),
    input.keys,
    administrationOf(input),
    {
      progress,
      label: names.itemStatistics,
    },
  );
  write('responses', statistics.responsesCsv);
  write('itemStatistics', statistics.analysisJson);
  await single(progress, 'rendering', names.incidentRecord, async () => {
    write(
      'incidentRecord',
      await incidentRecordFile(store, input.session.sessionId, input.options, input.head),
    );
  });
}
