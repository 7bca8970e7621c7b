import {
  itemBodyFromText,
  PaperAnswerKeysSchema,
  scoreAttempt,
  type AnswerValue,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import type { CandidateResult, ResultsSession } from '../../src/results/candidate-result';

export const session: ResultsSession = {
  sessionId: 'sess-2026-06-01-am',
  sessionName: '6月1日上午场',
  examId: 'paper-dg-3',
  examTitle: '电工（三级）理论知识考试',
  occupationAndLevel: '电工（三级）',
  siteName: '北京市第一职业技能鉴定所',
  startsAt: Date.parse('2026-06-01T01:00:00Z'),
  durationMinutes: 90,
};

/** 判断 ×2 @2, 单选 ×2 @2, 多选 ×1 @4, 填空 ×1 @4, 简答 ×1 @6 = 24 points, pass 14.4. */
export const keys: PaperAnswerKeys = PaperAnswerKeysSchema.parse({
  paperId: 'paper-dg-3',
  fullMarks: 24,
  passMark: 14.4,
  sections: [
    {
      title: '一、判断题',
      itemType: 'true_false',
      pointsEach: 2,
      items: [
        { itemId: 'tf1', version: 1, number: 1, answer: { type: 'true_false', key: true } },
        { itemId: 'tf2', version: 3, number: 2, answer: { type: 'true_false', key: false } },
      ],
    },
    {
      title: '二、单选题',
      itemType: 'single_choice',
      pointsEach: 2,
      items: [
        { itemId: 'sc1', version: 1, number: 3, answer: { type: 'single_choice', key: 'B' } },
        { itemId: 'sc2', version: 1, number: 4, answer: { type: 'single_choice', key: 'D' } },
      ],
    },
    {
      title: '三、多选题',
      itemType: 'multiple_choice',
      pointsEach: 4,
      items: [
        {
          itemId: 'mc1',
          version: 2,
          number: 5,
          answer: { type: 'multiple_choice', key: ['A', 'C', 'D'] },
        },
      ],
    },
    {
      title: '四、填空题',
      itemType: 'fill_blank',
      pointsEach: 4,
      items: [
        {
          itemId: 'fb1',
          version: 1,
          number: 6,
          answer: { type: 'fill_blank', key: { b1: ['欧姆定律'], b2: ['I=U/R'] } },
        },
      ],
    },
    {
      title: '五、简答题',
      itemType: 'short_answer',
      pointsEach: 6,
      items: [
        {
          itemId: 'sa1',
          version: 1,
          number: 7,
          answer: {
            type: 'short_answer',
            key: { referenceAnswer: itemBodyFromText('断电、验电、挂接地线') },
          },
        },
      ],
    },
  ],
});

const tf = (value: boolean): AnswerValue => ({ kind: 'true_false', value });
const choice = (...selected: string[]): AnswerValue => ({ kind: 'choice', selected });

function sat(
  ticket: string,
  name: string,
  seat: number,
  answers: Record<string, AnswerValue>,
  mark?: number,
): CandidateResult {
  const answerMap = new Map(Object.entries(answers));
  return {
    admissionTicketNumber: ticket,
    name,
    idNumber: '110101199003071234',
    roomName: '第01考场',
    seat,
    status: 'normal',
    answers: answerMap,
    score: scoreAttempt(
      keys,
      answerMap,
      mark === undefined ? {} : { manualMarks: new Map([['sa1', mark]]) },
    ),
  };
}

export const results: CandidateResult[] = [
  sat(
    '2026DG0002',
    '李四',
    2,
    { tf1: tf(true), tf2: tf(true), sc1: choice('A'), sc2: choice('D'), mc1: choice('A', 'C') },
    2,
  ),
  sat(
    '2026DG0001',
    '张三',
    1,
    {
      tf1: tf(true),
      tf2: tf(false),
      sc1: choice('B'),
      sc2: choice('D'),
      mc1: choice('A', 'C', 'D'),
      fb1: { kind: 'blanks', values: { b1: '欧姆定律', b2: 'Ｉ＝Ｕ／Ｒ' } },
      sa1: { kind: 'text', text: '先断电，再验电，然后挂接地线。' },
    },
    5,
  ),
  sat('2026DG0003', '王五', 3, {
    tf1: tf(false),
    sc1: choice('B'),
    sa1: { kind: 'text', text: '不知道' },
  }),
  {
    admissionTicketNumber: '2026DG0004',
    name: '赵六',
    idNumber: '110101199003071234',
    roomName: '第01考场',
    seat: 4,
    status: 'absent',
  },
  {
    ...sat(
      '2026DG0005',
      '钱七',
      5,
      { tf1: tf(true), tf2: tf(false), sc1: choice('B'), sc2: choice('D') },
      6,
    ),
    status: 'voided',
  },
  sat('2026DG0006', '孙八', 6, {
    tf1: tf(true),
    tf2: tf(false),
    sc1: choice('B'),
    sc2: choice('D'),
    mc1: choice('D', 'C', 'A'),
    sa1: { kind: 'text', text: '断电后作业' },
  }),
];
