import { existsSync } from 'node:fs';
import { InvalidInputError } from '@skillexam/shared';
import { openBank, type Bank } from '../db/open-bank';
import type { CliIo } from './process-io';

export { EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, processIo, type CliIo } from './process-io';

/** A failure the user can fix (exit 2, nothing changed): the shared coded error. */
export { InvalidInputError } from '@skillexam/shared';

/** Opens an existing bank; a missing file is invalid input, never silently created. */
export function withBank<T>(path: string | undefined, fn: (bank: Bank) => T): T {
  if (path === undefined || path === '')
    throw new InvalidInputError('请用 --bank <文件> 指定题库文件');
  if (!existsSync(path)) {
    throw new InvalidInputError(`题库文件 ${path} 不存在；请先运行 qbank init ${path}`);
  }
  const bank = openBank(path);
  try {
    return fn(bank);
  } finally {
    bank.close();
  }
}

export async function withBankAsync<T>(
  path: string | undefined,
  fn: (bank: Bank) => Promise<T>,
): Promise<T> {
  if (path === undefined || path === '')
    throw new InvalidInputError('请用 --bank <文件> 指定题库文件');
  if (!existsSync(path)) {
    throw new InvalidInputError(`题库文件 ${path} 不存在；请先运行 qbank init ${path}`);
  }
  const bank = openBank(path);
  try {
    return await fn(bank);
  } finally {
    bank.close();
  }
}

/** Prints `data` as JSON, or the human text. */
export function emit(io: CliIo, json: boolean | undefined, data: unknown, human: () => string) {
  io.out(json === true ? JSON.stringify({ ok: true, data }, null, 2) : human());
}

export function defaultActor(): string {
  return process.env.QBANK_ACTOR ?? process.env.USER ?? 'qbank';
}

export function parseIntOption(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed))
      throw new InvalidInputError(`${name} 应为整数，实际为「${value}」`);
    return parsed;
  };
}
