/*
 * Column mapping for xlsx/csv imports (pure): a template field maps to a column of the file.
 * Headers that already match a template header (or a common alias) are mapped automatically;
 * the mapping sent to the bank names only the fields the author changed or the bank cannot guess.
 */

export interface TemplateFieldInfo {
  readonly field: string;
  readonly header: string;
}

const ALIASES: Record<string, readonly string[]> = {
  stem: ['题干', '试题内容', '题目', '试题', '题目内容'],
  type: ['题型', '试题类型', '题目类型', '类型'],
  key: ['答案', '正确答案', '标准答案', '参考答案', '题目答案', '试题答案'],
  /** All options in one cell: "A.甲B.乙C.丙" (the bank splits them). */
  options: ['选项', '题目选项', '试题选项', '备选答案', '选项内容'],
  /** 作业种类 / 章节 / 知识点: kept as a tag. */
  category: ['分类', '作业种类', '工种', '章节', '知识点', '科目'],
  explanation: ['解析', '试题解析', '答案解析'],
  pointCode: ['鉴定点代码', '鉴定点', '知识点代码'],
  difficulty: ['难度', '难度系数', '难易程度'],
  level: ['等级', '级别', '鉴定等级'],
  optionA: ['选项A', 'A', '选项a'],
  optionB: ['选项B', 'B', '选项b'],
  optionC: ['选项C', 'C', '选项c'],
  optionD: ['选项D', 'D', '选项d'],
  optionE: ['选项E', 'E', '选项e'],
  optionF: ['选项F', 'F', '选项f'],
};

function normalize(header: string): string {
  return header.replace(/[\s\u3000:：*]/g, '').toLowerCase();
}

/** field → header text, for every field whose header can be recognised. */
export function guessMapping(
  headers: readonly string[],
  fields: readonly TemplateFieldInfo[],
): Record<string, string> {
  const mapping: Record<string, string> = {};
  const byNormal = new Map(headers.filter((h) => h !== '').map((h) => [normalize(h), h]));
  for (const { field, header } of fields) {
    const names = [header, ...(ALIASES[field] ?? [])];
    const hit = names
      .map((name) => byNormal.get(normalize(name)))
      .find((value) => value !== undefined);
    if (hit !== undefined) mapping[field] = hit;
  }
  return mapping;
}

/** Column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
