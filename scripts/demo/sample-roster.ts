import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chineseIdCheckChar } from '@skillexam/shared';
import { placeholderPhoto } from './placeholder-photo';

/*
 * The sample roster: invented candidates with valid-looking ID numbers (GB 11643 check
 * character), seats in one room, and placeholder photos. Nobody here is a real person.
 */

const SURNAMES = [
  '张',
  '王',
  '李',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
];
/** Region codes of a few districts (Beijing, Shanghai, Guangzhou, Chengdu, Wuhan). */
const REGIONS = ['110105', '310104', '440106', '510107', '420106'];

export interface SampleCandidate {
  readonly ticket: string;
  readonly name: string;
  readonly idNumber: string;
  readonly photo: string;
  readonly room: string;
  readonly seat: number;
}

export function sampleCandidates(count: number, room = '第一考场'): SampleCandidate[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}${i >= SURNAMES.length ? GIVEN[(i * 3 + 1) % GIVEN.length] : ''}`;
    const birth = `19${80 + (i % 20)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`;
    const body = `${REGIONS[i % REGIONS.length]}${birth}${String(100 + i).slice(-3)}`;
    return {
      ticket: `2026110${String(i + 1).padStart(4, '0')}`,
      name,
      idNumber: `${body}${chineseIdCheckChar(body)}`,
      photo: `photo-${String(i + 1).padStart(3, '0')}.png`,
      room,
      seat: i + 1,
    };
  });
}

/** Writes roster.csv and the photos folder into `dir`; returns their paths. */
export async function writeSampleRoster(
  dir: string,
  candidates: readonly SampleCandidate[],
): Promise<{ rosterFile: string; photosDir: string }> {
  const photosDir = join(dir, 'photos');
  await mkdir(photosDir, { recursive: true });
  await Promise.all(
    candidates.map((c, i) =>
      writeFile(join(photosDir, c.photo), placeholderPhoto(i / candidates.length)),
    ),
  );
  const lines = candidates.map((c) =>
    [c.ticket, c.name, c.idNumber, c.photo, c.room, c.seat].join(','),
  );
  const rosterFile = join(dir, 'roster.csv');
  await writeFile(
    rosterFile,
    ['准考证号,姓名,身份证号,照片,考场,座位号', ...lines].join('\n') + '\n',
  );
  return { rosterFile, photosDir };
}
