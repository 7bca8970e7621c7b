import { writeFileSync } from 'node:fs';
import { keyIdOf } from '@skillexam/item-bank/exam-package';
import { signResultsPackage } from '@skillexam/item-bank/results-package';
import { sessionResponseMatrix, type PaperAnswerKeys, type Progress } from '@skillexam/shared';
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
import { statisticsExport } from './statistics-export';

/*
 * The files of a results export, each written into the staged folder with its own phase
 * (the file's name as the phase's label): 成绩汇总表, 考生答卷, the signed results package, the
 * statistics export for the bank and the 考场情况记录.
 */

export interface ResultsFileNames {
  readonly scoreSummary: string;
  readonly resultsPackage: string;
  readonly answerSheets: string;
  readonly incidentRecord: string;
  readonly itemStatistics: string;
  readonly responses: string;
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

export async function writeFiles(
  store: Store,
  output: StagedOutput,
  names: ResultsFileNames,
  input: ResultsFilesInput,
): Promise<void> {
  const { session, keys, results, head, options, progress } = input;
  const chainHead = head === undefined ? {} : { chainHead: head };
  await single(progress, 'writing', names.scoreSummary, async () => {
    const xlsx = await writeScoreSummaryXlsx({
      session,
      sectionTitles: keys.sections.map((s) => s.title),
      results,
      generatedAt: options.now,
      ...chainHead,
    });
    writeFileSync(output.staged(names.scoreSummary), xlsx);
  });
  const sheets = await renderAnswerSheets(session, keys, results, options.now, {
    progress,
    label: names.answerSheets,
  });
  writeFileSync(output.staged(names.answerSheets), sheets);
  await single(progress, 'packaging', names.resultsPackage, () => {
    // version 3 (docs/decisions/1012): record headers since the previous session, answer times
    const links =
      head === undefined
        ? undefined
        : packageChainLinks(store.db, session.sessionId, head, results);
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
    writeFileSync(
      output.staged(names.resultsPackage),
      signResultsPackage(payload, serverPrivatePem),
    );
  });
  // The statistics export for the bank: the anonymous response file that `qbank analyze` and
  // `qbank stats import` read, and its analysis (the same shared code as the console's results).
  const matrix = sessionResponseMatrix(
    keys,
    results.flatMap((result, index) =>
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
  const statistics = statisticsExport(
    matrix,
    keys,
    { id: session.sessionId, startsAt: session.startsAt },
    { progress, label: names.itemStatistics },
  );
  writeFileSync(output.staged(names.responses), statistics.responsesCsv);
  writeFileSync(output.staged(names.itemStatistics), statistics.analysisJson);
  await single(progress, 'rendering', names.incidentRecord, async () => {
    const record = await renderIncidentRecord({
      ...buildIncidentRecord(store.db, session.sessionId, options),
      ...chainHead,
    });
    writeFileSync(output.staged(names.incidentRecord), record);
  });
}
