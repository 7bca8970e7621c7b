import type { TheoryLevelCode } from '@skillexam/shared';

/*
 * The Excel 细目表 template (docs/formats/standard-xlsx.md): one sheet of standard facts as
 * key/value rows, one sheet with a row per 鉴定范围 and per 鉴定点.
 */

export const INFO_SHEET = '标准信息';
export const TREE_SHEET = '细目表';

export const INFO_KEYS = {
  occupationCode: '职业编码',
  occupationName: '职业名称',
  edition: '大典版本',
  subTrades: '工种',
  version: '标准版本',
  title: '标准名称',
  documentNumber: '发文字号',
  levels: '等级',
} as const;

export const LEVEL_COLUMN_NAMES: Record<TheoryLevelCode, string> = {
  5: '五级比重',
  4: '四级比重',
  3: '三级比重',
  2: '二级比重',
  1: '一级比重',
};

export const TREE_COLUMNS = {
  rangeCode: '鉴定范围代码',
  rangeName: '鉴定范围名称',
  pointCode: '鉴定点代码',
  pointName: '鉴定点名称',
  importance: '重要程度',
  pointLevels: '适用等级',
} as const;

export const TREE_HEADER: readonly string[] = [
  TREE_COLUMNS.rangeCode,
  TREE_COLUMNS.rangeName,
  ...[5, 4, 3, 2, 1].map((level) => LEVEL_COLUMN_NAMES[level as TheoryLevelCode]),
  TREE_COLUMNS.pointCode,
  TREE_COLUMNS.pointName,
  TREE_COLUMNS.importance,
  TREE_COLUMNS.pointLevels,
];

const LEVEL_WORDS: Record<string, TheoryLevelCode> = {
  五: 5,
  四: 4,
  三: 3,
  二: 2,
  一: 1,
};

/** "5,4,3" or "五级、四级" or "初级工" → level codes; undefined entries are unknown words. */
export function parseLevelList(text: string): (TheoryLevelCode | undefined)[] {
  return text
    .split(/[,，、;；\s]+/)
    .filter((part) => part !== '')
    .map((part) => {
      const digit = /^([1-5])(?:级)?$/.exec(part);
      if (digit?.[1] !== undefined) return Number(digit[1]) as TheoryLevelCode;
      const word = /^([一二三四五])级/.exec(part);
      if (word?.[1] !== undefined) return LEVEL_WORDS[word[1]];
      const legacy: Record<string, TheoryLevelCode> = {
        初级工: 5,
        中级工: 4,
        高级工: 3,
        技师: 2,
        高级技师: 1,
      };
      return legacy[part];
    });
}
