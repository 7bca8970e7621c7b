import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  chineseIdCheckChar,
  contentBuilders,
  itemBody,
  itemBodyFromText,
  KioskEnrollmentSchema,
  PaperSchema,
  type Accommodations,
  type ItemContent,
  type KioskEnrollment,
  type ItemVersionRef,
} from '@skillexam/shared';
import { buildPackagePaper, generateSigningKeyPair, writeExamPackage } from '@skillexam/item-bank';
import { proctorCli } from './proctor-server-process';
import { diagramPng } from './test-image';

/** The one image of the test paper (in the stem of sc1). */
export const TEST_DIAGRAM = diagramPng();

export interface ExamDay {
  readonly sessionId: string;
  readonly candidates: readonly { ticket: string; code: string }[];
  readonly staff: { readonly username: string; readonly password: string };
  /** The exam PC enrolled for this day (`proctor-server kiosk enroll`); kiosk agents sign with it. */
  readonly enrollment: KioskEnrollment;
}

const options = ['A', 'B', 'C', 'D'] as const;

function contentOf(ref: ItemVersionRef): ItemContent {
  const common = { assessmentPointId: 'ap-001', level: 4, difficulty: 3 } as const;
  const b = contentBuilders;
  if (ref.itemId.startsWith('mc')) {
    return {
      type: 'multiple_choice',
      ...common,
      stem: itemBodyFromText(`多选题 ${ref.itemId}`),
      options: options.map((id) => ({ id, content: itemBodyFromText(`选项 ${id}`) })),
      key: ['A', 'C'],
    };
  }
  if (ref.itemId.startsWith('fb')) {
    return {
      type: 'fill_blank',
      ...common,
      stem: itemBody(b.paragraph('填空题：工频交流电的频率为', b.blank('f'), '赫兹。')),
      key: { f: ['50'] },
    };
  }
  if (ref.itemId.startsWith('sa')) {
    return {
      type: 'short_answer',
      ...common,
      stem: itemBodyFromText(`简答题 ${ref.itemId}：简述停电检修的安全措施。`),
      key: { referenceAnswer: itemBodyFromText('停电、验电、装设接地线、悬挂标示牌。') },
    };
  }
  if (ref.itemId.startsWith('tf')) {
    return {
      type: 'true_false',
      ...common,
      stem: itemBodyFromText(`判断题 ${ref.itemId}`),
      key: true,
    };
  }
  return {
    type: 'single_choice',
    ...common,
    stem:
      ref.itemId === 'sc1'
        ? itemBody(
            contentBuilders.paragraph(`单选题 ${ref.itemId}：按图接线，正确的是`),
            contentBuilders.image(TEST_DIAGRAM.hash, '接线图', 160),
          )
        : itemBodyFromText(`单选题 ${ref.itemId}`),
    options: options.map((id) => ({ id, content: itemBodyFromText(`选项 ${id}`) })),
    key: 'B',
  };
}

/** One 多选题, one 填空题 and one 简答题 after the usual two sections (the paper then totals 130). */
const MIXED_SECTIONS = [
  {
    title: '三、多选题',
    itemType: 'multiple_choice',
    pointsEach: 10,
    items: [{ itemId: 'mc1', version: 1 }],
  },
  {
    title: '四、填空题',
    itemType: 'fill_blank',
    pointsEach: 10,
    items: [{ itemId: 'fb1', version: 1 }],
  },
  {
    title: '五、简答题',
    itemType: 'short_answer',
    pointsEach: 10,
    items: [{ itemId: 'sa1', version: 1 }],
  },
] as const;

function accommodationCells(a: Accommodations | undefined): string[] {
  if (a === undefined) return ['', '', ''];
  return [String(a.extraMinutes), a.largeText ? '是' : '否', a.highContrast ? '是' : '否'];
}

function idNumber(serial: number): string {
  const body = `11010519900307${String(serial).padStart(3, '0')}`;
  return `${body}${chineseIdCheckChar(body)}`;
}

/**
 * Prepares a real exam day in `dataDir` through the proctor server's CLI: the site key, a
 * trusted bank signing key, a signed and encrypted .exampkg of 10 items, a session that
 * started 5 minutes ago, a roster of `count` candidates with one-time exam codes, a proctor.
 */
export interface ExamDayRules {
  /** Let the web shell (a practice client) sit this exam. */
  readonly allowPracticeClients?: boolean;
  readonly earliestSubmissionMinutes?: number;
  /** Shuffle items within sections and options per candidate (the paper's variation flags). */
  readonly variation?: { readonly shuffleItems: boolean; readonly shuffleOptions: boolean };
  /** Three more sections, one 多选题, one 填空题, one 简答题: every item type on the kiosk. */
  readonly allItemTypes?: boolean;
  /** 考生便利措施 on the roster, by candidate (0 = the first): its three optional columns. */
  readonly accommodations?: Readonly<Record<number, Accommodations>>;
}

export async function prepareExamDay(
  dir: string,
  dataDir: string,
  count: number,
  rules: ExamDayRules = {},
): Promise<ExamDay> {
  const site = (await proctorCli(['package', 'key', '--data', dataDir, '--json'])) as {
    publicKeyPem: string;
  };
  const signer = generateSigningKeyPair();
  const trustFile = join(dir, 'bank-signing.pem');
  await writeFile(trustFile, signer.publicKeyPem);
  await proctorCli(['package', 'trust', trustFile, '--data', dataDir, '--label', '测试题库']);

  const ref = (itemId: string) => ({ itemId, version: 1 });
  const paper = PaperSchema.parse({
    id: 'paper-e2e',
    title: '电工（四级）理论知识 测试卷',
    standard: { occupationCode: '6-31-01-03', version: '2018' },
    level: 4,
    durationMinutes: 60,
    fullMarks: rules.allItemTypes === true ? 130 : 100,
    passMark: 60,
    ...(rules.variation === undefined ? {} : { variation: rules.variation }),
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
      ...(rules.allItemTypes === true ? MIXED_SECTIONS : []),
    ],
  });
  const bytes = await writeExamPackage({
    ...buildPackagePaper(paper, contentOf),
    assets: new Map([[TEST_DIAGRAM.hash, new Uint8Array(TEST_DIAGRAM.bytes)]]),
    signerPrivateKeyPem: signer.privateKeyPem,
    recipientPublicKeyPem: site.publicKeyPem,
    now: new Date(),
  });
  const packageFile = join(dir, 'exam.exampkg');
  await writeFile(packageFile, bytes);
  const imported = (await proctorCli([
    'exam',
    'import',
    packageFile,
    '--data',
    dataDir,
    '--json',
  ])) as {
    examId?: string;
    id?: string;
  };
  const examId = imported.examId ?? imported.id ?? '';

  const sessionId = 's-e2e';
  const start = new Date(Date.now() - 5 * 60_000).toISOString();
  await proctorCli([
    'session',
    'create',
    sessionId,
    '--data',
    dataDir,
    '--exam',
    examId,
    '--name',
    '测试场次',
    '--start',
    start,
    '--duration',
    '60',
    '--room',
    'r1:第一考场:30',
    '--json',
    ...(rules.allowPracticeClients === true ? ['--allow-practice-clients'] : []),
    ...(rules.earliestSubmissionMinutes === undefined
      ? []
      : ['--earliest-submission', String(rules.earliestSubmissionMinutes)]),
  ]);

  const rows = Array.from({ length: count }, (_, i) =>
    [
      `2026${String(i + 1).padStart(6, '0')}`,
      `考生${i + 1}`,
      idNumber(i + 1),
      'r1',
      String(i + 1),
      i === 0 ? 'c1.png' : '',
      ...(rules.accommodations === undefined ? [] : accommodationCells(rules.accommodations[i])),
    ].join(','),
  );
  // Candidate 1 has a photo (a stand-in portrait), the others none.
  const photosDir = join(dir, 'photos');
  await mkdir(photosDir, { recursive: true });
  await writeFile(join(photosDir, 'c1.png'), diagramPng(120, 160).bytes);
  const rosterFile = join(dir, 'roster.csv');
  const header = `准考证号,姓名,身份证号,考场,座位号,照片${rules.accommodations === undefined ? '' : ',延长时间/分钟,大字体,高对比度'}`;
  await writeFile(rosterFile, [header, ...rows].join('\n'));
  const roster = (await proctorCli([
    'roster',
    'import',
    rosterFile,
    '--data',
    dataDir,
    '--session',
    sessionId,
    '--photos',
    photosDir,
    '--json',
  ])) as {
    codes?: { admissionTicketNumber: string; examCode: string }[];
    candidates?: { admissionTicketNumber: string; examCode: string }[];
  };
  const issued = roster.codes ?? roster.candidates ?? [];

  const staff = { username: 'proctor1', password: 'Proctor-Pass-2026!' };
  await proctorCli(
    ['user', 'add', staff.username, '--role', 'proctor', '--data', dataDir, '--password-stdin'],
    `${staff.password}\n`,
  );
  // the exam admin assigns the room's 监考员: proctors see only their sessions (0221)
  await proctorCli([
    'session',
    'assign-proctors',
    sessionId,
    staff.username,
    '--data',
    dataDir,
    '--json',
  ]);
  const enrollment = KioskEnrollmentSchema.parse(
    await proctorCli(['kiosk', 'enroll', '--data', dataDir, '--name', 'e2e-kiosk', '--json']),
  );
  return {
    sessionId,
    candidates: issued.map((c) => ({ ticket: c.admissionTicketNumber, code: c.examCode })),
    staff,
    enrollment,
  };
}
