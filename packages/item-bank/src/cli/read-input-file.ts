import { readFileSync, statSync } from 'node:fs';
import type { ByteSourceFile } from '../import-export/byte-source';
import { InvalidInputError } from './cli-context';
import { fileByteSource } from './file-byte-source';

/** Largest input file the CLI reads (a 50 MB bomb is refused before parsing). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

function checkedSize(path: string): number {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InvalidInputError(`找不到文件 ${path}`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InvalidInputError(`文件 ${path} 过大（${size} 字节，上限 ${MAX_INPUT_BYTES}）`);
  }
  return size;
}

export function readInputFile(path: string): Uint8Array {
  checkedSize(path);
  return new Uint8Array(readFileSync(path));
}

/** The input file for a streaming reader (item import): checked like readInputFile, never read whole. */
export function inputFileSource(path: string): ByteSourceFile {
  checkedSize(path);
  return fileByteSource(path);
}
