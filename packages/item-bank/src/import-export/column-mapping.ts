import type { ColumnMapping } from './item-file-types';
import { normalizeCode } from './text-normalize';

/*
 * Which column holds which field of the item template. Resolved from a header row (any of
 * the accepted header spellings), or from an explicit mapping: field → column letter ("C")
 * or header text ("试题内容"). Besides the template's own columns, a table may hold all options
 * in one cell (`options`) and a category column (作业种类, 章节 …) whose value becomes a tag.
 */

export const TEMPLATE_FIELDS = [
  'id',
  'type',
  'stem',
  'optionA',
  'optionB',
  'optionC',
  'optionD',
  'optionE',
  'optionF',
  'key',
  'explanation',
  'pointCode',
  'difficulty',
  'level',
  'tags',
  'source',
  'enemyGroup',
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const OPTION_FIELDS = [
  'optionA',
  'optionB',
  'optionC',
  'optionD',
  'optionE',
  'optionF',
] as const satisfies readonly TemplateField[];

/** Fields that only imports read: all options in one cell, and a category kept as a tag. */
export const IMPORT_ONLY_FIELDS = ['options', 'category'] as const;
export type ImportOnlyField = (typeof IMPORT_ONLY_FIELDS)[number];
/** Every field a column can be mapped to. */
export type TableField = TemplateField | ImportOnlyField;
export const TABLE_FIELDS: readonly TableField[] = [...TEMPLATE_FIELDS, ...IMPORT_ONLY_FIELDS];

/** The header written by the template and the exporters, in column order. */
export const TEMPLATE_HEADERS: Record<TemplateField, string> = {
  id: '试题ID',
  type: '题型',
  stem: '题干',
  optionA: '选项A',
  optionB: '选项B',
  optionC: '选项C',
  optionD: '选项D',
  optionE: '选项E',
  optionF: '选项F',
  key: '答案',
  explanation: '解析',
  pointCode: '鉴定点代码',
  difficulty: '难度',
  level: '等级',
  tags: '标签',
  source: '来源',
  enemyGroup: '互斥组',
};

/** The Chinese name of every mappable field (template headers plus the import-only fields). */
export const TABLE_FIELD_HEADERS: Record<TableField, string> = {
  ...TEMPLATE_HEADERS,
  options: '选项',
  category: '分类',
};

const optionSpellings = (letter: string) => [
  `选项${letter}`,
  letter,
  `${letter}选项`,
  `${letter}项`,
  `OPTION${letter}`,
  `OPTION_${letter}`,
];

/** Accepted header spellings per field, compared after normalizeCode (upper-case, half-width). */
const HEADER_SPELLINGS: Record<TableField, readonly string[]> = {
  id: ['试题ID', '试题GUID', '题目ID', '题号ID', 'ID', 'GUID', 'ITEMID'],
  type: ['题型', '试题类型', '题目类型', '类型', '题类', '题型名称', 'TYPE'],
  stem: [
    '题干',
    '题目',
    '试题',
    '试题内容',
    '题目内容',
    '题干内容',
    '试题题目',
    '题目名称',
    '问题',
    '内容',
    '试题题干',
    'STEM',
    'QUESTION',
  ],
  options: [
    '选项',
    '题目选项',
    '试题选项',
    '选项内容',
    '备选答案',
    '备选项',
    '答案选项',
    'OPTIONS',
    'CHOICES',
  ],
  category: ['作业种类', '作业类别', '工种', '专业', '科目', '章节', '知识点', '分类', 'CATEGORY'],
  optionA: optionSpellings('A'),
  optionB: optionSpellings('B'),
  optionC: optionSpellings('C'),
  optionD: optionSpellings('D'),
  optionE: optionSpellings('E'),
  optionF: optionSpellings('F'),
  key: [
    '答案',
    '正确答案',
    '标准答案',
    '参考答案',
    '题目答案',
    '试题答案',
    '正确选项',
    'KEY',
    'ANSWER',
  ],
  explanation: ['解析', '答案解析', '试题解析', '题目解析', '分析', 'EXPLANATION', 'ANALYSIS'],
  pointCode: [
    '鉴定点代码',
    '鉴定点编码',
    '鉴定点',
    '鉴定点编号',
    '知识点代码',
    'POINTCODE',
    'POINT',
  ],
  difficulty: ['难度', '难度等级', '难易程度', '难易度', 'DIFFICULTY'],
  level: ['等级', '级别', '职业等级', '鉴定等级', 'LEVEL'],
  tags: ['标签', '关键词', 'TAGS', 'TAG'],
  source: ['来源', '出处', '试题来源', 'SOURCE'],
  enemyGroup: ['互斥组', '互斥', 'ENEMYGROUP', 'ENEMY'],
};

const HEADER_LOOKUP = new Map<string, TableField>(
  TABLE_FIELDS.flatMap((field) =>
    HEADER_SPELLINGS[field].map((spelling) => [normalizeCode(spelling), field] as const),
  ),
);

/** Also ignored without complaint: a running number column. */
const IGNORED_HEADERS = new Set(['序号', '编号', '题号', 'NO', 'NO.', '#'].map(normalizeCode));

/**
 * A header cell as compared: normalizeCode without the decorations real banks add —
 * a required-marker `*`, a trailing colon, a remark in brackets (“答案（多选用逗号分隔）”).
 */
function headerCode(header: string): string {
  return normalizeCode(header)
    .replace(/[*:]/g, '')
    .replace(/^(.+?)[([【].*[)\]】]$/, '$1');
}

export function fieldOfHeader(header: string): TableField | undefined {
  return HEADER_LOOKUP.get(normalizeCode(header)) ?? HEADER_LOOKUP.get(headerCode(header));
}

/** The accepted field names, for messages: “题干（stem）、选项（options）…”. */
export function acceptedFieldNames(): string {
  const ordered: readonly TableField[] = [
    ...TEMPLATE_FIELDS.slice(0, TEMPLATE_FIELDS.indexOf('stem') + 1),
    'options',
    ...TEMPLATE_FIELDS.slice(TEMPLATE_FIELDS.indexOf('stem') + 1),
    'category',
  ];
  return ordered.map((field) => `${TABLE_FIELD_HEADERS[field]}（${field}）`).join('、');
}

/** Column letter (A, B, …, AA) → 0-based index, or undefined when not a column letter. */
export function columnIndexOfLetter(value: string): number | undefined {
  const code = normalizeCode(value);
  if (!/^[A-Z]{1,2}$/.test(code)) return undefined;
  let index = 0;
  for (const char of code) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export type ColumnLayout = Partial<Record<TableField, number>>;

/** Layout from a header row; counts how many cells were recognised. */
export function layoutFromHeader(cells: readonly string[]): {
  layout: ColumnLayout;
  recognised: number;
  unknown: string[];
} {
  const layout: ColumnLayout = {};
  let recognised = 0;
  const unknown: string[] = [];
  cells.forEach((cell, index) => {
    if (cell.trim() === '') return;
    const field = fieldOfHeader(cell);
    if (field !== undefined && layout[field] === undefined) {
      layout[field] = index;
      recognised += 1;
    } else if (field === undefined && !IGNORED_HEADERS.has(headerCode(cell))) {
      unknown.push(cell);
    }
  });
  return { layout, recognised, unknown };
}

/** A header row has a stem column and at least one more recognised column. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const { layout, recognised } = layoutFromHeader(cells);
  return layout.stem !== undefined && recognised >= 2;
}

export function isTableField(value: string): value is TableField {
  return (TABLE_FIELDS as readonly string[]).includes(value);
}

export type MappingResult = { ok: true; layout: ColumnLayout } | { ok: false; reason: string };

/**
 * Applies an explicit mapping over a (possibly absent) header row. Field names may be the
 * field ids (`stem`, `optionA`, `options`) or any accepted header spelling (`题干`, `选项A`,
 * `选项`, `题目选项`).
 */
export function layoutFromMapping(
  mapping: ColumnMapping,
  header: readonly string[] | undefined,
): MappingResult {
  const layout: ColumnLayout = {};
  for (const [rawField, target] of Object.entries(mapping)) {
    const field = isTableField(rawField) ? rawField : fieldOfHeader(rawField);
    if (field === undefined) {
      return {
        ok: false,
        reason: `列映射中的字段“${rawField}”未知，可用的字段：${acceptedFieldNames()}`,
      };
    }
    const byHeader = header === undefined ? undefined : headerIndex(header, target);
    const index = byHeader !== undefined && byHeader >= 0 ? byHeader : columnIndexOfLetter(target);
    if (index === undefined) {
      return {
        ok: false,
        reason: `列映射 ${rawField}=${target}：找不到该列（应为列字母如 C 或表头文字）`,
      };
    }
    layout[field] = index;
  }
  if (layout.stem === undefined) return { ok: false, reason: '列映射必须包含题干（stem）列' };
  return { ok: true, layout };
}

/**
 * True when a row holds every header text that a mapping names (targets that are not column
 * letters): how the header row of a sheet with unfamiliar column names is found.
 */
export function holdsMappedHeaders(mapping: ColumnMapping, cells: readonly string[]): boolean {
  const texts = Object.values(mapping).filter(
    (target) => columnIndexOfLetter(target) === undefined,
  );
  return texts.length > 0 && texts.every((target) => headerIndex(cells, target) >= 0);
}

/** The accepted header spellings of a field, for messages. */
export function headerSpellings(field: TableField): readonly string[] {
  return HEADER_SPELLINGS[field];
}

/** The column whose header cell reads `target` (compared like header spellings), or -1. */
export function headerIndex(header: readonly string[], target: string): number {
  return header.findIndex(
    (cell) => cell.trim() !== '' && normalizeCode(cell) === normalizeCode(target),
  );
}
