import {
  ItemTypeSchema,
  ReviewStatusSchema,
  TheoryLevelCodeSchema,
  describeZodError,
} from '@skillexam/shared';
import type { Command } from 'commander';
import type { z } from 'zod';
import type { SearchFilter } from '../../search/search-types';
import { InvalidInputError } from '../cli-context';

export interface FilterOptions {
  standard?: string;
  range?: string;
  point?: string;
  type?: string;
  level?: string;
  status?: string;
  difficulty?: string;
  tag?: string;
}

export function addFilterOptions(command: Command): Command {
  return command
    .option('--standard <id>', '标准，如 6-31-01-03:2018')
    .option('--range <id>', '鉴定范围（含下级），如 6-31-01-03:2018:B-A')
    .option('--point <id>', '鉴定点，如 6-31-01-03:2018:B-A-001')
    .option(
      '--type <type>',
      '题型：true_false、single_choice、multiple_choice、fill_blank、short_answer',
    )
    .option('--level <level>', '等级 5…1')
    .option('--status <status>', '状态：draft、in_review、approved、rejected、retired')
    .option('--difficulty <n>', '难度 1–5')
    .option('--tag <tag>', '标签');
}

function parse<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new InvalidInputError(
      `${name}「${String(value)}」无效：${describeZodError(result.error)}`,
    );
  return result.data;
}

export function filterFromOptions(options: FilterOptions): SearchFilter {
  const difficulty = options.difficulty === undefined ? undefined : Number(options.difficulty);
  if (
    difficulty !== undefined &&
    !(Number.isInteger(difficulty) && difficulty >= 1 && difficulty <= 5)
  ) {
    throw new InvalidInputError(`难度应为 1–5 的整数，实际为「${options.difficulty ?? ''}」`);
  }
  return {
    ...(options.standard === undefined ? {} : { standardId: options.standard }),
    ...(options.range === undefined ? {} : { rangeId: options.range }),
    ...(options.point === undefined ? {} : { pointId: options.point }),
    ...(options.type === undefined ? {} : { type: parse(ItemTypeSchema, options.type, '题型') }),
    ...(options.level === undefined
      ? {}
      : { level: parse(TheoryLevelCodeSchema, Number(options.level), '等级') }),
    ...(options.status === undefined
      ? {}
      : { status: parse(ReviewStatusSchema, options.status, '状态') }),
    ...(difficulty === undefined ? {} : { difficulty }),
    ...(options.tag === undefined ? {} : { tag: options.tag }),
  };
}
