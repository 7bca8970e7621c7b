import {
  contentBuilders,
  itemBody,
  itemBodyFromText,
  type CandidatePaper,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import { insertExam } from '../../src/exams/insert-exam';
import type { Store } from '../../src/db/store';
import { addRoster, createSession, type IssuedCandidate } from '../../src/sessions/session-setup';

const options = (n: number) =>
  (['A', 'B', 'C', 'D', 'E'] as const)
    .slice(0, n)
    .map((id) => ({ id, content: itemBodyFromText(`选项${id}`) }));

/** A small paper with one section per item type, 100 points; item ids tf1…, sc1…, mc1, fb1, sa1. */
export function fixturePaper(
  examId = 'exam-1',
  trueFalseCount = 4,
  singleCount = 4,
): {
  paper: CandidatePaper;
  keys: PaperAnswerKeys;
} {
  let number = 0;
  const next = () => (number += 1);
  const tf = Array.from({ length: trueFalseCount }, (_, i) => ({
    type: 'true_false' as const,
    itemId: `tf${i + 1}`,
    version: 1,
    number: next(),
    points: 10,
    stem: itemBodyFromText(`判断题 ${i + 1}`),
  }));
  const sc = Array.from({ length: singleCount }, (_, i) => ({
    type: 'single_choice' as const,
    itemId: `sc${i + 1}`,
    version: 1,
    number: next(),
    points: 10,
    stem: itemBodyFromText(`单选题 ${i + 1}`),
    options: options(4),
  }));
  const mc = {
    type: 'multiple_choice' as const,
    itemId: 'mc1',
    version: 1,
    number: next(),
    points: 5,
    stem: itemBodyFromText('多选题'),
    options: options(5),
  };
  const fb = {
    type: 'fill_blank' as const,
    itemId: 'fb1',
    version: 1,
    number: next(),
    points: 5,
    stem: itemBody(
      contentBuilders.paragraph(
        contentBuilders.text('安全电压是'),
        contentBuilders.blank('b1'),
        contentBuilders.text('伏'),
      ),
    ),
  };
  const sa = {
    type: 'short_answer' as const,
    itemId: 'sa1',
    version: 1,
    number: next(),
    points: 10,
    stem: itemBodyFromText('简答题'),
  };
  const tfPoints = 40 / Math.max(1, trueFalseCount);
  const scPoints = 40 / Math.max(1, singleCount);
  const paper: CandidatePaper = {
    paperId: `${examId}-paper`,
    title: '电工（四级）理论知识试卷',
    durationMinutes: 90,
    fullMarks: 100,
    sections: [
      {
        title: '一、判断题',
        itemType: 'true_false',
        pointsEach: tfPoints,
        items: tf.map((i) => ({ ...i, points: tfPoints })),
      },
      {
        title: '二、单选题',
        itemType: 'single_choice',
        pointsEach: scPoints,
        items: sc.map((i) => ({ ...i, points: scPoints })),
      },
      { title: '三、多选题', itemType: 'multiple_choice', pointsEach: 5, items: [mc] },
      { title: '四、填空题', itemType: 'fill_blank', pointsEach: 5, items: [fb] },
      { title: '五、简答题', itemType: 'short_answer', pointsEach: 10, items: [sa] },
    ],
  };
  const keys: PaperAnswerKeys = {
    paperId: paper.paperId,
    fullMarks: 100,
    passMark: 60,
    sections: [
      {
        title: '一、判断题',
        itemType: 'true_false',
        pointsEach: tfPoints,
        items: tf.map((i) => ({
          itemId: i.itemId,
          version: 1,
          number: i.number,
          answer: { type: 'true_false', key: true },
        })),
      },
      {
        title: '二、单选题',
        itemType: 'single_choice',
        pointsEach: scPoints,
        items: sc.map((i) => ({
          itemId: i.itemId,
          version: 1,
          number: i.number,
          answer: { type: 'single_choice', key: 'A' },
        })),
      },
      {
        title: '三、多选题',
        itemType: 'multiple_choice',
        pointsEach: 5,
        items: [
          {
            itemId: 'mc1',
            version: 1,
            number: mc.number,
            answer: { type: 'multiple_choice', key: ['A', 'C'] },
          },
        ],
      },
      {
        title: '四、填空题',
        itemType: 'fill_blank',
        pointsEach: 5,
        items: [
          {
            itemId: 'fb1',
            version: 1,
            number: fb.number,
            answer: { type: 'fill_blank', key: { b1: ['36'] } },
          },
        ],
      },
      {
        title: '五、简答题',
        itemType: 'short_answer',
        pointsEach: 10,
        items: [
          {
            itemId: 'sa1',
            version: 1,
            number: sa.number,
            answer: {
              type: 'short_answer',
              key: { referenceAnswer: itemBodyFromText('参考答案') },
            },
          },
        ],
      },
    ],
  };
  return { paper, keys };
}

/** Valid 身份证号 for tests: GB 11643 check character computed. */
export function idNumber(serial: number): string {
  const body = `11010519900101${String(serial % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  return body + ('10X98765432'[sum % 11] ?? '0');
}

/**
 * The fixture exam `e1` and an empty session `s1` (场次, 90 minutes) with `rooms`: what the room
 * and roster tests start from.
 */
export function seedEmptySession(
  store: Store,
  rooms: Parameters<typeof createSession>[2]['rooms'],
): void {
  const { paper, keys } = fixturePaper('e1');
  insertExam(
    store.db,
    store.audit,
    { id: 'e1', title: paper.title, manifest: {}, candidatePaper: paper, answerKey: keys },
    't',
    1,
  );
  createSession(
    store.db,
    store.audit,
    {
      id: 's1',
      name: '场次',
      examId: 'e1',
      scheduledStart: 10_000_000,
      durationMinutes: 90,
      rules: {},
      rooms,
    },
    't',
    1,
  );
}

export interface SeededSession {
  readonly sessionId: string;
  readonly examId: string;
  readonly candidates: IssuedCandidate[];
}

/** Imports the fixture exam, schedules a session starting at `scheduledStart` and adds `count` candidates. */
export function seedSession(
  store: Store,
  options: {
    count: number;
    scheduledStart: number;
    durationMinutes?: number;
    rules?: Record<string, unknown>;
    sessionId?: string;
    examId?: string;
    now?: number;
    /** Extra manifest fields, e.g. `variation`, `standard` and `level`. */
    manifest?: Record<string, unknown>;
    /** Extra session fields, e.g. `checkInAt` or `occupationName`. */
    session?: Record<string, unknown>;
    /** First letters of the 准考证号 (default `T`): a second session needs its own tickets. */
    ticketPrefix?: string;
  },
): SeededSession {
  const examId = options.examId ?? 'exam-1';
  const sessionId = options.sessionId ?? 'session-1';
  const now = options.now ?? Date.now();
  const { paper, keys } = fixturePaper(examId);
  insertExam(
    store.db,
    store.audit,
    {
      id: examId,
      title: paper.title,
      manifest: { examId, ...options.manifest },
      candidatePaper: paper,
      answerKey: keys,
    },
    'test',
    now,
  );
  // 500 candidates per room (a room has at most 999 seats), plus one spare room of 30 seats.
  const perRoom = 500;
  const roomCount = Math.max(1, Math.ceil(options.count / perRoom));
  const rooms = Array.from({ length: roomCount }, (_, r) => ({
    id: `room-${r + 1}`,
    name: `第${r + 1}考场`,
    seatCount: perRoom + 10,
  }));
  rooms.push({ id: `room-${roomCount + 1}`, name: '备用考场', seatCount: 30 });
  createSession(
    store.db,
    store.audit,
    {
      id: sessionId,
      name: '2026年第四季度电工四级理论考试',
      examId,
      scheduledStart: options.scheduledStart,
      durationMinutes: options.durationMinutes ?? 90,
      rules: options.rules ?? {},
      rooms,
      ...options.session,
    },
    'test',
    now,
  );
  const rows = Array.from({ length: options.count }, (_, i) => ({
    admissionTicketNumber: `${options.ticketPrefix ?? 'T'}${String(i + 1).padStart(6, '0')}`,
    name: `考生${i + 1}`,
    idNumber: idNumber(i + 1),
    roomId: `room-${Math.floor(i / perRoom) + 1}`,
    seat: (i % perRoom) + 1,
  }));
  const candidates = addRoster(store.db, store.audit, sessionId, rows, 'test', now);
  return { sessionId, examId, candidates };
}
