import { readZipSafely } from '@skillexam/item-bank/safe-zip';
import { CodedError } from '@skillexam/shared';

/*
 * A roster upload is one file: the roster itself (.xlsx/.csv), or a .zip holding exactly one
 * roster file and the photos it names (by file name, in any folder of the zip).
 */

export interface RosterUpload {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly photos?: ReadonlyMap<string, Uint8Array>;
}

const ROSTER_FILE = /\.(xlsx|csv)$/i;
const ZIP_LIMITS = { maxEntries: 20_000, maxTotalBytes: 400 * 1024 * 1024, maxRatio: 200 };

export async function unpackRosterUpload(
  fileName: string,
  bytes: Uint8Array,
): Promise<RosterUpload> {
  if (ROSTER_FILE.test(fileName)) return { fileName, bytes };
  if (!/\.zip$/i.test(fileName)) {
    throw new CodedError(
      'BAD_REQUEST',
      `${fileName}: 考生名单应为 .xlsx、.csv，或包含名单与照片的 .zip (expected .xlsx, .csv or .zip)`,
    );
  }
  const read = await readZipSafely(bytes, ZIP_LIMITS);
  if (!read.ok) {
    throw new CodedError(
      'BAD_REQUEST',
      `${fileName}${read.entry === undefined ? '' : ` (${read.entry})`}: ${read.reason}`,
    );
  }
  const files = [...read.entries].filter(([name]) => !name.endsWith('/'));
  const rosters = files.filter(
    ([name]) =>
      ROSTER_FILE.test(name) && !name.split('/').some((part) => part.startsWith('__MACOSX')),
  );
  if (rosters.length !== 1) {
    throw new CodedError(
      'BAD_REQUEST',
      `${fileName}: 压缩包中应恰有一个 .xlsx 或 .csv 名单文件，找到 ${rosters.length} 个 (${rosters.map(([n]) => n).join('、')})`,
    );
  }
  const [rosterName, rosterBytes] = rosters[0] ?? ['', new Uint8Array()];
  const photos = new Map<string, Uint8Array>();
  for (const [name, data] of files) {
    if (name === rosterName) continue;
    const base = name.split('/').at(-1) ?? name;
    if (photos.has(base)) {
      throw new CodedError(
        'BAD_REQUEST',
        `${fileName}: 照片文件名 ${base} 出现不止一次 (duplicate photo name)`,
      );
    }
    photos.set(base, data);
  }
  return { fileName: rosterName.split('/').at(-1) ?? rosterName, bytes: rosterBytes, photos };
}
