import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError } from '@skillexam/shared';

export const BANK_EXTENSION = '.qbank';

/** A bank file name inside the bank folder: no folders, no `..`, always ending in `.qbank`. */
export function bankFileName(name: string): string {
  const trimmed = name.trim();
  const withExtension = trimmed.toLowerCase().endsWith(BANK_EXTENSION)
    ? trimmed
    : `${trimmed}${BANK_EXTENSION}`;
  if (!/^[\p{L}\p{N}_][\p{L}\p{N}_ .()-]{0,120}\.qbank$/iu.test(withExtension)) {
    throw new CodedError(
      'BAD_REQUEST',
      `题库文件名“${name}”不可用：只能包含文字、数字、空格、“_”“-”“.”和括号，不能包含路径`,
    );
  }
  return withExtension;
}

export interface BankFileEntry {
  readonly name: string;
  readonly size: number;
  readonly modifiedAt: string;
}

export function listBankFiles(dir: string): BankFileEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith(BANK_EXTENSION))
    .map((name) => {
      const stats = statSync(join(dir, name));
      return { name, size: stats.size, modifiedAt: stats.mtime.toISOString() };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
}
