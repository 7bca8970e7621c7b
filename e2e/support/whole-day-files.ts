import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { buildPackagePaper, generateSigningKeyPair, writeExamPackage } from '@skillexam/item-bank';
import {
  chineseIdCheckChar,
  itemBodyFromText,
  PaperSchema,
  type ItemContent,
  type ItemVersionRef,
} from '@skillexam/shared';
import JSZip from 'jszip';

/*
 * The files an exam day starts from that come from elsewhere: the bank's signed, encrypted
 * package addressed to the site key the console showed (what `qbank package` does at the bank),
 * the bank's public signing key, and the roster zip (CSV + photos) the training body sends.
 */

export const PAPER = {
  id: 'paper-whole-day',
  title: '电工（四级）理论知识 全天流程卷',
  /** 5 判断题 (key 对) then 5 单选题 (key B), 10 points each. */
  items: 10,
  fullMarks: 100,
} as const;

/**
 * What the candidate presses on each question, in paper order (判断 T/F, 单选 A–D), and what
 * the answer key says: 4 of 5 判断题 and 4 of 5 单选题 right → 80 points.
 */
export const ANSWER_KEYS = ['t', 't', 't', 't', 'f', 'b', 'b', 'b', 'b', 'c'] as const;
const KEYS = ['t', 't', 't', 't', 't', 'b', 'b', 'b', 'b', 'b'] as const;
/** The score the answers earn, from the key above (10 points an item). */
export const EXPECTED_SCORE = ANSWER_KEYS.filter((k, i) => k === KEYS[i]).length * 10;

function contentOf(ref: ItemVersionRef): ItemContent {
  const common = { assessmentPointId: 'ap-001', level: 4, difficulty: 3 } as const;
  if (ref.itemId.startsWith('tf')) {
    return {
      type: 'true_false',
      ...common,
      stem: itemBodyFromText(`判断题 ${ref.itemId}：电气设备的金属外壳应可靠接地。`),
      key: true,
    };
  }
  return {
    type: 'single_choice',
    ...common,
    stem: itemBodyFromText(`单选题 ${ref.itemId}：我国工频交流电的频率为（ ）。`),
    options: (['A', 'B', 'C', 'D'] as const).map((id, i) => ({
      id,
      content: itemBodyFromText(['40 Hz', '50 Hz', '60 Hz', '100 Hz'][i] ?? id),
    })),
    key: 'B',
  };
}

export interface BankFiles {
  /** The bank's Ed25519 public signing key (PEM), to be trusted on the site. */
  readonly signerPub: string;
  readonly signerKeyId: string;
  readonly packageFile: string;
}

/** The bank's part: a signed package addressed to the site public key the console showed. */
export async function bankPackage(dir: string, sitePublicKeyPem: string): Promise<BankFiles> {
  const signer = generateSigningKeyPair();
  const ref = (itemId: string) => ({ itemId, version: 1 });
  const paper = PaperSchema.parse({
    id: PAPER.id,
    title: PAPER.title,
    standard: { occupationCode: '6-31-01-03', version: '2018' },
    level: 4,
    durationMinutes: 60,
    fullMarks: PAPER.fullMarks,
    passMark: 60,
    sections: [
      {
        title: '一、判断题',
        itemType: 'true_false',
        pointsEach: 10,
        items: ['tf1', 'tf2', 'tf3', 'tf4', 'tf5'].map(ref),
      },
      {
        title: '二、单选题',
        itemType: 'single_choice',
        pointsEach: 10,
        items: ['sc1', 'sc2', 'sc3', 'sc4', 'sc5'].map(ref),
      },
    ],
  });
  const bytes = await writeExamPackage({
    ...buildPackagePaper(paper, contentOf),
    signerPrivateKeyPem: signer.privateKeyPem,
    recipientPublicKeyPem: sitePublicKeyPem,
    now: new Date(),
  });
  const signerPub = join(dir, '省鉴定中心-签名公钥.pub');
  const packageFile = join(dir, `${PAPER.id}.exampkg`);
  await writeFile(signerPub, signer.publicKeyPem);
  await writeFile(packageFile, bytes);
  return { signerPub, signerKeyId: signer.keyId, packageFile };
}

export interface RosterCandidate {
  readonly ticket: string;
  readonly name: string;
  readonly idNumber: string;
  readonly roomId: string;
  readonly seat: number;
}

/** Three candidates in two rooms; the first sits the exam, the others stay away. */
export const ROSTER: readonly RosterCandidate[] = [
  // the training body's seats; 自动排座 reseats room r1 by 准考证号 from the front
  ['2026120001', '林晓东', 'r1', 12],
  ['2026120002', '高雅琴', 'r1', 5],
  ['2026120003', '马建国', 'r2', 1],
].map(([ticket, name, roomId, seat], i) => {
  const body = `44010619880512${String(i + 1).padStart(3, '0')}`;
  return {
    ticket: String(ticket),
    name: String(name),
    idNumber: `${body}${chineseIdCheckChar(body)}`,
    roomId: String(roomId),
    seat: Number(seat),
  };
});

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** An RGB PNG drawn pixel by pixel, without an image library. */
function rgbPng(width: number, height: number, pixel: (x: number, y: number) => number[]): Buffer {
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.from([0, ...Array.from({ length: width }, (_, x) => pixel(x, y)).flat()]),
  );
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A stand-in portrait: a head and shoulders on a light-blue ID-photo background. */
function portrait(hue: number): Buffer {
  return rgbPng(120, 160, (x, y) => {
    const head = (x - 60) ** 2 / 28 ** 2 + (y - 62) ** 2 / 34 ** 2 <= 1;
    const body = y > 110 && (x - 60) ** 2 / 55 ** 2 + (y - 170) ** 2 / 62 ** 2 <= 1;
    if (head) return [236, 200, 170];
    if (body) return [40 + hue, 60, 110];
    return [200, 225, 245];
  });
}

/** 考生名单.zip: the CSV (with a 照片 column) and one PNG per candidate. */
export async function rosterZip(dir: string): Promise<string> {
  const zip = new JSZip();
  const rows = ROSTER.map((c, i) =>
    [c.ticket, c.name, c.idNumber, c.roomId, c.seat, `photo-${i + 1}.png`].join(','),
  );
  zip.file('考生名单.csv', ['准考证号,姓名,身份证号,考场,座位号,照片', ...rows].join('\n'));
  ROSTER.forEach((_, i) => zip.file(`照片/photo-${i + 1}.png`, portrait(i * 40)));
  const file = join(dir, '考生名单.zip');
  await writeFile(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}
