import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Progress } from '@skillexam/shared';
import type { Command } from 'commander';
import type { AssemblyResult } from '../../assembly/assemble-papers';
import { createHighsSolver } from '../../assembly/highs-solver';
import type { PaperRecord } from '../../assembly/paper-record';
import { createAssemblyRepository } from '../../db/assembly-repository';
import type { Bank } from '../../db/open-bank';
import { bankOperator } from '../../workflows/actor';
import { assembleForms, recordForms } from '../../workflows/assemble-forms';
import {
  defaultActor,
  emit,
  InvalidInputError,
  parseIntOption,
  withBankAsync,
  type CliIo,
} from '../cli-context';
import { readBlueprintFile, parseShareOption } from './blueprint-command';
import { renderPaperPdfs } from './paper-pdf-files';
import { withCliProgress } from '../cli-progress-run';

interface AssembleCliOptions {
  bank: string;
  blueprint: string;
  forms: number;
  seed: number;
  maxOverlap?: number;
  timeLimit: number;
  out: string;
  record: boolean;
  pdf: boolean;
  json?: boolean;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function failure(result: Extract<AssemblyResult, { ok: false }>, file: string): InvalidInputError {
  const stage = { supply: '按题量核算', solver: '组卷求解', verification: '独立校验' }[
    result.stage
  ];
  return new InvalidInputError(
    `无法按组卷方案 ${file} 组卷（${stage}），没有生成试卷，也没有放宽任何要求：\n` +
      result.problems.map((problem) => `  - ${problem.message}`).join('\n'),
    { stage: result.stage, problems: result.problems, timings: result.timings },
  );
}

function humanReport(
  records: readonly PaperRecord[],
  result: Extract<AssemblyResult, { ok: true }>,
  files: string[],
) {
  const lines = [`已组卷 ${records.length} 套，可用试题 ${result.resolved.eligible.length} 道`];
  for (const record of records) {
    const s = record.solver;
    lines.push(
      `${record.form}卷 ${record.paper.id}：平均难度 p=${record.meanP.toFixed(3)}，` +
        `求解 ${seconds(s.timeMs)}（${s.solver} ${s.status}，变量 ${s.variables}，约束 ${s.constraints}）`,
    );
    for (const check of record.checks) {
      lines.push(
        `  ${check.ok ? '✓' : '✗'} ${check.label}：${check.actual}（要求 ${check.required}）`,
      );
    }
  }
  const t = result.timings;
  lines.push(
    `耗时：准备 ${seconds(t.resolveMs)}，核算 ${seconds(t.diagnoseMs)}，求解 ${seconds(t.solveMs)}，合计 ${seconds(t.totalMs)}`,
    `已写出：${files.join('，')}`,
  );
  return lines.join('\n');
}

/** Lets a Ctrl-C that came during synchronous work (a solve) reach the progress's signal. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function assemble(bank: Bank, options: AssembleCliOptions, io: CliIo, progress: Progress) {
  const blueprint = readBlueprintFile(options.blueprint);
  if (options.forms < 1 || options.forms > 26)
    throw new InvalidInputError('--forms 应在 1 到 26 之间');
  const actor = bankOperator(defaultActor());
  const deps = {
    papers: createAssemblyRepository(bank.db, bank.standards),
    items: bank.items,
    clock: bank.clock,
  };
  const assembled = assembleForms(
    deps,
    actor,
    {
      blueprint,
      seed: options.seed,
      forms: options.forms,
      ...(options.maxOverlap === undefined ? {} : { maxOverlap: options.maxOverlap }),
      timeLimitSeconds: options.timeLimit,
      progress,
    },
    await createHighsSolver(),
  );
  await settle();
  progress.check();
  if (!assembled.ok) throw failure(assembled.result, options.blueprint);
  const { records, result } = assembled;
  // Everything is rendered before anything is recorded or written: a failure changes nothing.
  const outputs = new Map<string, Uint8Array | string>();
  for (const record of records) {
    outputs.set(`paper-${record.form}.json`, `${JSON.stringify(record, null, 2)}\n`);
    if (options.pdf)
      for (const [name, bytes] of await renderPaperPdfs(bank, record)) outputs.set(name, bytes);
  }
  const assembledAt = records[0]?.assembledAt;
  // The last moment to cancel: after this the forms are recorded and written.
  await settle();
  progress.check();
  if (options.record)
    recordForms(deps, actor, records, assembledAt === undefined ? {} : { at: assembledAt });
  mkdirSync(options.out, { recursive: true });
  const files: string[] = [];
  for (const [name, content] of outputs) {
    const file = join(options.out, name);
    writeFileSync(file, content);
    files.push(file);
  }
  const data = {
    recorded: options.record,
    forms: records.map((record) => ({
      form: record.form,
      paperId: record.paper.id,
      meanP: record.meanP,
      solver: record.solver,
      checks: record.checks,
      satisfied: record.checks.every((check) => check.ok),
    })),
    timings: result.timings,
    files,
  };
  emit(io, options.json, data, () => humanReport(records, result, files));
}

/** `qbank assemble`: blueprint → paper(s) by integer programming, verified, recorded, written. */
export function registerAssemble(program: Command, io: CliIo): void {
  program
    .command('assemble')
    .description('按组卷方案自动组卷（0-1 整数规划，HiGHS），可一次组多套平行卷')
    .requiredOption('--bank <bank>', '题库文件')
    .requiredOption('--blueprint <file>', '组卷方案 JSON')
    .requiredOption('--out <dir>', '输出目录：paper-A.json、paper-A.pdf、key-A.pdf …')
    .option('--forms <n>', '平行卷套数（A/B/C…）', parseIntOption('--forms'), 1)
    .option('--seed <s>', '随机种子：同一种子得到同一结果', parseIntOption('--seed'), 1)
    .option(
      '--max-overlap <share>',
      '两套卷最多重叠的比例（默认 0.15）',
      parseShareOption('--max-overlap'),
    )
    .option('--time-limit <seconds>', '每套卷的求解时限', parseIntOption('--time-limit'), 60)
    .option('--no-record', '不在题库中登记试卷（不计曝光）')
    .option('--no-pdf', '不生成 PDF')
    .option('--json', '以 JSON 输出')
    .action(async (options: AssembleCliOptions) => {
      await withBankAsync(options.bank, (bank) =>
        withCliProgress(io, options.json, (progress) => assemble(bank, options, io, progress)),
      );
    });
}
