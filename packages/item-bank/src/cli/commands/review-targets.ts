import { readFileSync } from 'node:fs';
import { CodedError } from '@skillexam/shared';
import type { Bank } from '../../db/open-bank';
import { parseIdList } from '../../review/id-list';
import type { ReviewAction } from '../../review/review-workflow';
import { InvalidInputError } from '../cli-context';
import { readInputFile } from '../read-input-file';

/** Where `qbank review` takes its item ids from: arguments, `--ids-file`, `--all-submitted`. */
export interface ReviewTargetOptions {
  readonly idsFile?: string;
  readonly allSubmitted?: boolean;
}

/** Actions that act on items 审核中 and so may take `--all-submitted`. */
const ON_SUBMITTED: readonly ReviewAction[] = ['approve', 'reject'];

/** Whether the command names more than one item one way or another (the bulk report). */
export function isBulk(ids: readonly string[], options: ReviewTargetOptions): boolean {
  return ids.length !== 1 || options.idsFile !== undefined || options.allSubmitted === true;
}

function readIdsFile(path: string): string[] {
  const source = path === '-' ? '标准输入' : `文件 ${path}`;
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? new Uint8Array(readFileSync(0)) : readInputFile(path);
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError(`无法读取${source}：${(error as Error).message}`);
  }
  try {
    return parseIdList(new TextDecoder('utf-8', { fatal: true }).decode(bytes), source);
  } catch (error) {
    if (error instanceof CodedError) throw new InvalidInputError(error.message);
    throw new InvalidInputError(`${source} 不是 UTF-8 文本；请保存为 UTF-8 后重试`);
  }
}

/** Every id the command names, in order: arguments, then the file, then the bank's 审核中 items. */
export function reviewTargets(
  bank: Bank,
  action: ReviewAction,
  ids: readonly string[],
  options: ReviewTargetOptions,
): string[] {
  if (options.allSubmitted === true && !ON_SUBMITTED.includes(action)) {
    throw new InvalidInputError(
      `--all-submitted 只能用于 approve 或 reject（「审核中」的试题），不能用于 ${action}`,
    );
  }
  const targets = [...ids];
  if (options.idsFile !== undefined) targets.push(...readIdsFile(options.idsFile));
  if (options.allSubmitted === true) targets.push(...bank.items.idsWithStatus('in_review'));
  if (targets.length === 0 && options.allSubmitted !== true) {
    throw new InvalidInputError(
      '请指明试题：试题 ID 参数、--ids-file <文件>（- 表示标准输入）或 --all-submitted',
    );
  }
  return targets;
}
