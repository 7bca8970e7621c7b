import { blueprintItemCount, type Blueprint } from '@skillexam/shared';
import type { Command } from 'commander';
import { DEFAULT_MAX_OVERLAP } from '../../assembly/assemble-papers';
import { diagnoseSupply } from '../../assembly/diagnose-supply';
import { resolveBlueprint } from '../../assembly/requirements';
import { parseBlueprintJson } from '../../blueprints/read-blueprint';
import { createAssemblyRepository } from '../../db/assembly-repository';
import { emit, InvalidInputError, parseIntOption, withBank, type CliIo } from '../cli-context';
import { readInputFile } from '../read-input-file';

/** Reads and schema-checks a blueprint file; problems → exit 2 naming the file and field. */
export function readBlueprintFile(file: string): Blueprint {
  const text = new TextDecoder('utf-8').decode(readInputFile(file));
  try {
    return parseBlueprintJson(text, file);
  } catch (error) {
    if (error instanceof Error && 'issues' in error) {
      throw new InvalidInputError(error.message, { issues: error.issues });
    }
    throw error;
  }
}

export function parseShareOption(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1) {
      throw new InvalidInputError(`${name} 应为 0 到 1 之间的比例（如 0.15），实际为「${value}」`);
    }
    return parsed;
  };
}

interface ValidateOptions {
  bank: string;
  forms?: number;
  maxOverlap?: number;
  json?: boolean;
}

/** `qbank blueprint validate`: the schema, then the counting diagnosis against the bank. */
export function registerBlueprint(program: Command, io: CliIo): void {
  const blueprint = program.command('blueprint').description('组卷方案');
  blueprint
    .command('validate')
    .description('检查组卷方案：格式，以及题库能否满足每一项要求（不组卷）')
    .argument('<file>', '组卷方案 JSON（docs/formats/blueprint.md）')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--forms <n>', '平行卷套数', parseIntOption('--forms'), 1)
    .option('--max-overlap <share>', '两套卷最多重叠的比例', parseShareOption('--max-overlap'))
    .option('--json', '以 JSON 输出')
    .action((file: string, options: ValidateOptions) => {
      const parsed = readBlueprintFile(file);
      withBank(options.bank, (bank) => {
        const repository = createAssemblyRepository(bank.db, bank.standards);
        const source = repository.loadSource(
          parsed.standard,
          parsed.level,
          parsed.exposure.notUsedInLastPapers ?? 0,
          parsed.measuredPMinResponses,
        );
        const resolved = resolveBlueprint(parsed, source);
        const n = blueprintItemCount(parsed);
        const forms = options.forms ?? 1;
        const overlap = options.maxOverlap ?? DEFAULT_MAX_OVERLAP;
        const problems = diagnoseSupply(resolved, {
          forms,
          maxOverlapItems: Math.floor(overlap * n + 1e-9),
        });
        const summary = {
          blueprint: {
            id: parsed.id,
            version: parsed.version,
            itemCount: n,
            fullMarks: parsed.fullMarks,
          },
          eligibleItems: resolved.eligible.length,
          excludedByExposure: resolved.excluded.length,
          ranges: resolved.requirements.ranges.map(
            ({ path, name, weight, quota, min, max, itemType }) => ({
              path,
              name,
              weight,
              quota: Math.round(quota * 100) / 100,
              min,
              max,
              ...(itemType === undefined ? {} : { itemType }),
            }),
          ),
          problems,
        };
        if (problems.length > 0) {
          throw new InvalidInputError(
            `组卷方案 ${file} 无法用题库 ${options.bank} 满足：\n${problems.map((p) => `  - ${p.message}`).join('\n')}`,
            summary,
          );
        }
        emit(io, options.json, summary, () =>
          [
            `组卷方案 ${parsed.id} v${parsed.version} 有效：${n} 道题，满分 ${parsed.fullMarks}`,
            `题库中可用的已审核试题 ${resolved.eligible.length} 道` +
              (resolved.excluded.length > 0
                ? `（另有 ${resolved.excluded.length} 道因曝光限制排除）`
                : ''),
            '各鉴定范围题量（最大余数法）：',
            ...summary.ranges.map(
              (r) =>
                `  ${r.path} ${r.name}${r.itemType === undefined ? '' : ` [${r.itemType}]`}：权重 ${r.weight}%，` +
                `${r.min === r.max ? `${r.min} 道` : `${r.min}–${r.max} 道`}（按比例 ${r.quota}）`,
            ),
            '按题量核算未发现无法满足的要求（最终以组卷求解为准）',
          ].join('\n'),
        );
      });
    });
}
