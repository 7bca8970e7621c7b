/*
 * The shared per-type checks speak English (they also serve logs and the API); reports from an
 * import are read by item writers, so the known messages are given in Chinese here. Unknown
 * messages are kept, prefixed, rather than lost.
 */

const TRANSLATIONS: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^The stem \(题干\) is empty$/, () => '题干为空'],
  [/^Option ([A-F]) is empty$/, (id) => `选项${id}为空`],
  [/^The reference answer is empty$/, () => '参考答案为空'],
  [/^A single-choice item needs at least 2 options$/, () => '单选题至少需要 2 个选项'],
  [/^A multiple-choice item needs at least 3 options$/, () => '多选题至少需要 3 个选项'],
  [/^An item has at most 6 options \(A–F\)$/, () => '一道题最多 6 个选项（A–F）'],
  [
    /^A multiple-choice item needs at least 2 correct options$/,
    () => '多选题至少需要 2 个正确答案',
  ],
  [/^An accepted answer is empty$/, () => '填空答案为空'],
  [/^Option id "(.+)" is used more than once.*$/, (id) => `选项 ${id} 重复出现`],
  [
    /^The key "(.+)" is not one of the options \((.*)\)$/,
    (key, ids) => `答案“${key}”不在选项（${ids}）中`,
  ],
  [/^The key lists option "(.+)" more than once$/, (id) => `答案中的选项 ${id} 重复`],
  [
    /^A fill-in-the-blank item needs at least one blank in its stem$/,
    () => '填空题的题干中至少要有一个空',
  ],
  [/^Blank "(.+)" appears more than once in the stem$/, (id) => `空 ${id} 在题干中出现了多次`],
  [/^Blank "(.+)" needs at least one accepted answer$/, (id) => `空 ${id} 至少需要一个答案`],
  [
    /^The key has answers for blank "(.+)", which is not in the stem$/,
    (id) => `答案中有空 ${id}，但题干中没有这个空`,
  ],
  [
    /^Blank "(.+)" mixes text and numeric answers.*$/,
    (id) => `空 ${id} 的答案混用了文字和数值（一个空只能全部是文字答案或全部是数值答案）`,
  ],
  [/^A tolerance cannot be negative$/, () => '数值答案的误差不能为负数'],
];

export function contentMessageZh(message: string): string {
  for (const [pattern, translate] of TRANSLATIONS) {
    const match = pattern.exec(message);
    if (match !== null) return translate(...match.slice(1).map((group) => group));
  }
  return `内容不符合要求：${message}`;
}
