import { readFileSync, statSync } from 'node:fs';
import { InvalidInputError } from './cli-context';

/** Largest input file the CLI reads (a 50 MB bomb is refused before parsing). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

export function readInputFile(path: string): Uint8Array {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InvalidInputError(`找不到文件 ${path}`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InvalidInputError(`文件 ${path} 过大（${size} 字节，上限 ${MAX_INPUT_BYTES}）`);
  }
  return new Uint8Array(readFileSync(path));
}
