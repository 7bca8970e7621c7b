/*
 * A requirement the bank cannot meet, in words a bank admin understands. Assembly never
 * relaxes a requirement: it returns these instead of a paper.
 */

export type ConstraintFamily =
  'config' | 'sections' | 'ranges' | 'importance' | 'difficulty' | 'points' | 'enemies' | 'forms';

export const FAMILY_NAMES: Record<ConstraintFamily, string> = {
  config: '组卷方案设置',
  sections: '大题题量',
  ranges: '鉴定范围题量（权重表）',
  importance: '重要程度（X/Y/Z）比例',
  difficulty: '难度要求',
  points: '每个鉴定点的题数上限',
  enemies: '互斥题组',
  forms: '平行卷的重叠率与难度一致性',
};

export interface AssemblyProblem {
  readonly family: ConstraintFamily;
  /** The message, zh-CN, with the numbers. */
  readonly message: string;
  readonly required?: number;
  readonly available?: number;
}
