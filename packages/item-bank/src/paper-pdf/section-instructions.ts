import type { ItemType, MultipleChoiceScoring } from '@skillexam/shared';

/*
 * The standard wording of a 大题 heading on printed vocational theory papers, e.g.
 * 一、单项选择题（第1题～第160题。选择一个正确的答案，将相应的字母填入题内的括号中。每题0.5分，满分80分。）
 */

const INSTRUCTIONS: Record<ItemType, string> = {
  true_false: '将判断结果填入括号中。正确的填“√”，错误的填“×”。',
  single_choice: '选择一个正确的答案，将相应的字母填入题内的括号中。',
  multiple_choice: '选择两个或两个以上正确的答案，将相应的字母填入题内的括号中。',
  fill_blank: '将正确答案填在横线上。',
  short_answer: '按要求作答。',
};

function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100);
}

export function sectionHeading(input: {
  readonly title: string;
  readonly itemType: ItemType;
  readonly first: number;
  readonly last: number;
  readonly pointsEach: number;
  readonly scoringPolicy?: MultipleChoiceScoring;
}): string {
  const scoring =
    input.itemType !== 'multiple_choice'
      ? ''
      : input.scoringPolicy === 'partial'
        ? '少选且未错选的按比例得分，错选不得分。'
        : '错选、少选、多选均不得分。';
  const count = input.last - input.first + 1;
  return (
    `${input.title}（第${input.first}题～第${input.last}题。${INSTRUCTIONS[input.itemType]}${scoring}` +
    `每题${formatPoints(input.pointsEach)}分，满分${formatPoints(count * input.pointsEach)}分。）`
  );
}

/** 注意事项 printed under the title of every paper. */
export function paperNotices(durationMinutes: number): string[] {
  return [
    `考试时间：${durationMinutes}分钟。`,
    '请首先按要求在试卷的标封处填写您的姓名、准考证号和所在单位的名称。',
    '请仔细阅读各种题目的回答要求，在规定的位置填写您的答案。',
    '不要在试卷上乱写乱画，不要在标封区填写无关的内容。',
  ];
}
