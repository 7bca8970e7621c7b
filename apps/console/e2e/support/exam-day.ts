import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildPackagePaper, generateSigningKeyPair, writeExamPackage } from '@skillexam/item-bank';
import {
  chineseIdCheckChar,
  itemBodyFromText,
  KioskEnrollmentSchema,
  PaperSchema,
  type ItemContent,
  type ItemVersionRef,
  type KioskEnrollment,
} from '@skillexam/shared';
import { proctorCli } from './proctor-server';

/*
 * A real exam day for the console tests, set up through the proctor server's CLI: the site key,
 * a trusted bank key, a signed and encrypted .exampkg (5 判断题 + 5 单选题, 10 points each),
 * a session starting in 5 minutes (check-in not yet open), a roster, and the staff: two
 * proctors (assigned to the session: proctors see only their sessions), an exam admin and a
 * supervisor.
 */

export const STAFF = {
  proctor1: { username: 'proctor1', password: 'Proctor1-Pass-2026!', role: 'proctor' },
  proctor2: { username: 'proctor2', password: 'Proctor2-Pass-2026!', role: 'proctor' },
  /** A proctor of another room: assigned to no session until the admin assigns them. */
  proctor3: { username: 'proctor3', password: 'Proctor3-Pass-2026!', role: 'proctor' },
  admin: { username: 'kaowu', password: 'Admin-Pass-2026!', role: 'admin' },
  supervisor: { username: 'dudao', password: 'Super-Pass-2026!', role: 'supervisor' },
} as const;

export interface ExamDay {
  readonly sessionId: string;
  readonly candidates: readonly { ticket: string; code: string; name: string }[];
  /** The exam PC enrolled for the day (`proctor-server kiosk enroll`); candidates log in on it. */
  readonly enrollment: KioskEnrollment;
}

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰'];

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
    stem: itemBodyFromText(`单选题 ${ref.itemId}`),
    options: (['A', 'B', 'C', 'D'] as const).map((id) => ({
      id,
      content: itemBodyFromText(`选项 ${id}`),
    })),
    key: 'B',
  };
}

export async function prepareExamDay(
  dir: string,
  dataDir: string,
  count: number,
  /** The roster's 延长时间/分钟, 大字体 and 高对比度 cells, by candidate (0 = the first). */
  accommodations?: Readonly<Record<number, readonly [string, string, string]>>,
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
    id: 'paper-console',
    title: '电工（四级）理论知识 测试卷',
    standard: { occupationCode: '6-31-01-03', version: '2018' },
    level: 4,
    durationMinutes: 60,
    fullMarks: 100,
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

  const sessionId = 's-console';
  await proctorCli([
    'session',
    'create',
    sessionId,
    '--data',
    dataDir,
    '--exam',
    examId,
    '--name',
    '2026年第四季度电工（四级）理论知识考试',
    '--start',
    new Date(Date.now() + 5 * 60_000).toISOString(),
    '--duration',
    '60',
    '--room',
    'r1:第一考场:30',
    '--earliest-submission',
    '0',
    '--json',
  ]);
  const names = Array.from(
    { length: count },
    (_, i) => `${SURNAMES[i % 12] ?? '张'}${GIVEN[(i * 5) % 12] ?? '伟'}`,
  );
  const rows = names.map((name, i) => {
    const body = `11010519900307${String(i + 1).padStart(3, '0')}`;
    return [
      `2026${String(i + 1).padStart(6, '0')}`,
      name,
      `${body}${chineseIdCheckChar(body)}`,
      'r1',
      String(i + 1),
      ...(accommodations === undefined ? [] : (accommodations[i] ?? ['', '', ''])),
    ].join(',');
  });
  const rosterFile = join(dir, 'roster.csv');
  const header = `准考证号,姓名,身份证号,考场,座位号${accommodations === undefined ? '' : ',延长时间/分钟,大字体,高对比度'}`;
  await writeFile(rosterFile, [header, ...rows].join('\n'));
  const roster = (await proctorCli([
    'roster',
    'import',
    rosterFile,
    '--data',
    dataDir,
    '--session',
    sessionId,
    '--json',
  ])) as {
    codes?: { admissionTicketNumber: string; examCode: string; name?: string }[];
    candidates?: { admissionTicketNumber: string; examCode: string; name?: string }[];
  };
  const issued = roster.codes ?? roster.candidates ?? [];
  for (const staff of Object.values(STAFF)) {
    await proctorCli(
      ['user', 'add', staff.username, '--role', staff.role, '--data', dataDir, '--password-stdin'],
      `${staff.password}\n`,
    );
  }
  await proctorCli([
    'session',
    'assign-proctors',
    sessionId,
    STAFF.proctor1.username,
    STAFF.proctor2.username,
    '--data',
    dataDir,
    '--json',
  ]);
  const enrollment = KioskEnrollmentSchema.parse(
    await proctorCli(['kiosk', 'enroll', '--data', dataDir, '--name', 'e2e-kiosk', '--json']),
  );
  return {
    sessionId,
    enrollment,
    candidates: issued.map((c, i) => ({
      ticket: c.admissionTicketNumber,
      code: c.examCode,
      name: names[i] ?? '',
    })),
  };
}
