import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  chineseIdCheckChar,
  contentBuilders,
  itemBody,
  itemBodyFromText,
  KioskEnrollmentSchema,
  PaperSchema,
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
    fullMarks: 100,
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
    ].join(','),
  );
  // Candidate 1 has a photo (a stand-in portrait), the others none.
  const photosDir = join(dir, 'photos');
  await mkdir(photosDir, { recursive: true });
  await writeFile(join(photosDir, 'c1.png'), diagramPng(120, 160).bytes);
  const rosterFile = join(dir, 'roster.csv');
  await writeFile(rosterFile, ['准考证号,姓名,身份证号,考场,座位号,照片', ...rows].join('\n'));
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
