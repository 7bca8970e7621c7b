import {
  PaperSchema,
  type AuthoredDifficulty,
  type Blueprint,
  type Importance,
  type ItemType,
  type Paper,
  type ReviewStatus,
} from '@skillexam/shared';

/*
 * The independent constraint checker: does a paper satisfy its blueprint? It shares NO code
 * with the assembly model (allocation, difficulty bands and range matching are written again
 * here, on purpose), so a bug in the model cannot hide itself. Used by the assembler to verify
 * every paper before returning it, by the CLI's per-constraint report and by the tests.
 */

/** The bank's facts about an item at assembly time. */
export interface CheckedItemFacts {
  readonly itemId: string;
  readonly version: number;
  readonly type: ItemType;
  readonly status: ReviewStatus;
  readonly level: number;
  readonly pointId: string;
  readonly pointPath: string;
  readonly importance: Importance;
  readonly difficulty: AuthoredDifficulty;
  readonly empiricalP?: number;
  readonly enemyGroup?: string;
  /** Papers that pinned this version. */
  readonly papersPinned: number;
}

export interface PaperCheckInput {
  readonly paper: Paper;
  readonly blueprint: Blueprint;
  /** The level's 理论知识权重表 (path → percent). */
  readonly weights: Readonly<Record<string, number>> | undefined;
  readonly items: ReadonlyMap<string, CheckedItemFacts>;
  readonly recentlyUsed: ReadonlySet<string>;
  /** The other forms of the same run, and the overlap they may share (fraction of items). */
  readonly otherForms?: readonly Paper[];
  readonly maxOverlap?: number;
}

export interface ConstraintCheck {
  readonly id: string;
  readonly label: string;
  readonly ok: boolean;
  readonly actual: string;
  readonly required: string;
}

const EPS = 1e-9;
const TYPE_NAMES: Record<ItemType, string> = {
  true_false: '判断题',
  single_choice: '单选题',
  multiple_choice: '多选题',
  fill_blank: '填空题',
  short_answer: '简答题',
};
const BAND_LABELS = { easy: '易', medium: '中', hard: '难' } as const;
/** 作者难度 → p, and the 易/中/难 cut-offs (docs/formats/blueprint.md). */
const P_OF_RATING = [0, 0.9, 0.75, 0.6, 0.45, 0.3];
const pOf = (facts: CheckedItemFacts) => facts.empiricalP ?? P_OF_RATING[facts.difficulty] ?? 0.6;
const bandName = (p: number) => (p < 0.5 ? 'hard' : p < 0.7 ? 'medium' : 'easy');

/** Hamilton apportionment: floors, then +1 for the largest remainders (ties: lower code). */
function apportion(n: number, weights: readonly [string, number][]): Map<string, number> {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const rows = weights.map(([path, w]) => {
    const exact = total > 0 ? (n * w) / total : 0;
    const whole = Math.floor(exact + EPS);
    return { path, whole, rest: Math.max(0, exact - whole) };
  });
  let spare = n - rows.reduce((s, r) => s + r.whole, 0);
  const ranked = rows
    .slice()
    .sort((a, b) => (b.rest !== a.rest ? b.rest - a.rest : a.path.localeCompare(b.path, 'en')));
  const result = new Map(rows.map((r) => [r.path, r.whole]));
  for (const row of ranked) {
    if (spare === 0) break;
    result.set(row.path, row.whole + 1);
    spare -= 1;
  }
  return result;
}

function rangeOf(pointPath: string, paths: readonly string[]): string | undefined {
  const matches = paths.filter((path) => pointPath.startsWith(path + '-'));
  return matches.sort((a, b) => b.length - a.length)[0];
}

export function checkPaperAgainstBlueprint(input: PaperCheckInput): ConstraintCheck[] {
  const { paper, blueprint, items } = input;
  const checks: ConstraintCheck[] = [];
  const add = (id: string, label: string, ok: boolean, actual: string, required: string) =>
    checks.push({ id, label, ok, actual, required });

  const parsed = PaperSchema.safeParse(paper);
  add(
    'paper.schema',
    '试卷格式',
    parsed.success,
    parsed.success ? '有效' : parsed.error.message,
    '有效',
  );
  add(
    'paper.standard',
    '标准与等级',
    paper.standard.occupationCode === blueprint.standard.occupationCode &&
      paper.standard.version === blueprint.standard.version &&
      paper.level === blueprint.level,
    `${paper.standard.occupationCode}/${paper.standard.version} 等级 ${paper.level}`,
    `${blueprint.standard.occupationCode}/${blueprint.standard.version} 等级 ${blueprint.level}`,
  );
  add(
    'paper.marks',
    '满分、及格分、时长',
    paper.fullMarks === blueprint.fullMarks &&
      paper.passMark === blueprint.passMark &&
      paper.durationMinutes === blueprint.durationMinutes,
    `${paper.fullMarks}/${paper.passMark}/${paper.durationMinutes}`,
    `${blueprint.fullMarks}/${blueprint.passMark}/${blueprint.durationMinutes}`,
  );
  blueprint.sections.forEach((wanted, index) => {
    const got = paper.sections[index];
    const policy =
      wanted.itemType === 'multiple_choice'
        ? (wanted.scoringPolicy ?? blueprint.multipleChoiceScoring)
        : undefined;
    add(
      `section.${index + 1}`,
      `第 ${index + 1} 大题`,
      got !== undefined &&
        got.itemType === wanted.itemType &&
        got.items.length === wanted.count &&
        got.pointsEach === wanted.pointsEach &&
        got.scoringPolicy === policy,
      got === undefined
        ? '缺失'
        : `${TYPE_NAMES[got.itemType]} × ${got.items.length}，每题 ${got.pointsEach} 分`,
      `${TYPE_NAMES[wanted.itemType]} × ${wanted.count}，每题 ${wanted.pointsEach} 分`,
    );
  });
  add(
    'section.count',
    '大题数量',
    paper.sections.length === blueprint.sections.length,
    String(paper.sections.length),
    String(blueprint.sections.length),
  );

  const refs = paper.sections.flatMap((section) =>
    section.items.map((ref) => ({ ref, type: section.itemType })),
  );
  const n = refs.length;
  const facts: CheckedItemFacts[] = [];
  const bad: string[] = [];
  for (const { ref, type } of refs) {
    const fact = items.get(ref.itemId);
    if (fact === undefined) {
      bad.push(`${ref.itemId} 不在题库中`);
      continue;
    }
    facts.push(fact);
    if (fact.status !== 'approved') bad.push(`${ref.itemId} 未审核通过`);
    if (fact.version !== ref.version)
      bad.push(`${ref.itemId} 版本 ${ref.version} ≠ ${fact.version}`);
    if (fact.type !== type) bad.push(`${ref.itemId} 题型不符`);
    if (fact.level !== blueprint.level) bad.push(`${ref.itemId} 等级不符`);
  }
  add(
    'items.approved',
    '只用已审核的当前版本、题型与等级相符',
    bad.length === 0,
    bad.slice(0, 5).join('；') || '全部相符',
    '全部相符',
  );

  const weights = Object.entries(input.weights ?? {}).filter(([, w]) => w > 0);
  const paths = weights.map(([path]) => path);
  const rangeCount = (pick: (f: CheckedItemFacts) => boolean) => {
    const counts = new Map<string, number>(paths.map((p) => [p, 0]));
    let outside = 0;
    for (const f of facts.filter(pick)) {
      const range = rangeOf(f.pointPath, paths);
      if (range === undefined) outside += 1;
      else counts.set(range, (counts.get(range) ?? 0) + 1);
    }
    return { counts, outside };
  };
  if (blueprint.rangeAllocation.bySection) {
    for (const section of blueprint.sections) {
      const target = apportion(section.count, weights);
      const { counts, outside } = rangeCount((f) => f.type === section.itemType);
      for (const path of paths) {
        const want = target.get(path) ?? 0;
        const have = counts.get(path) ?? 0;
        add(
          `range.${section.itemType}.${path}`,
          `范围 ${path} 的${TYPE_NAMES[section.itemType]}`,
          have === want && outside === 0,
          String(have),
          String(want),
        );
      }
    }
  } else {
    const target = apportion(n, weights);
    const { counts, outside } = rangeCount(() => true);
    for (const path of paths) {
      const override = blueprint.rangeAllocation.overrides[path];
      const low = override?.min ?? target.get(path) ?? 0;
      const high = override?.max ?? target.get(path) ?? 0;
      const have = counts.get(path) ?? 0;
      add(
        `range.${path}`,
        `范围 ${path} 题量`,
        have >= low && have <= high,
        String(have),
        low === high ? String(low) : `${low}–${high}`,
      );
    }
    add('range.outside', '权重表以外的题', outside === 0, String(outside), '0');
  }

  for (const level of ['X', 'Y', 'Z'] as const) {
    const bounds = blueprint.importance[level];
    if (bounds === undefined) continue;
    const share = n === 0 ? 0 : facts.filter((f) => f.importance === level).length / n;
    const low = bounds.minShare ?? 0;
    const high = bounds.maxShare ?? 1;
    add(
      `importance.${level}`,
      `${level} 类题比例`,
      share >= low - EPS && share <= high + EPS,
      share.toFixed(3),
      `${low}–${high}`,
    );
  }

  const difficulty = blueprint.difficulty;
  if (difficulty?.kind === 'mix') {
    for (const band of ['easy', 'medium', 'hard'] as const) {
      const share = n === 0 ? 0 : facts.filter((f) => bandName(pOf(f)) === band).length / n;
      const want = difficulty[band];
      add(
        `difficulty.${band}`,
        `难度“${BAND_LABELS[band]}”比例`,
        Math.abs(share - want) <= difficulty.tolerance + EPS,
        share.toFixed(3),
        `${want} ± ${difficulty.tolerance}`,
      );
    }
  } else if (difficulty?.kind === 'meanP') {
    const mean = n === 0 ? 0 : facts.reduce((s, f) => s + pOf(f), 0) / n;
    add(
      'difficulty.meanP',
      '平均难度 p',
      Math.abs(mean - difficulty.value) <= difficulty.tolerance + EPS,
      mean.toFixed(4),
      `${difficulty.value} ± ${difficulty.tolerance}`,
    );
  }

  const perPoint = new Map<string, number>();
  for (const f of facts) perPoint.set(f.pointId, (perPoint.get(f.pointId) ?? 0) + 1);
  const busiest = Math.max(0, ...perPoint.values());
  add(
    'points.max',
    '每个鉴定点的题数',
    busiest <= blueprint.maxItemsPerPoint,
    String(busiest),
    `≤ ${blueprint.maxItemsPerPoint}`,
  );

  const inPaper = new Set(refs.map(({ ref }) => ref.itemId));
  const bankGroups = new Map<string, number>();
  for (const f of facts) {
    if (f.enemyGroup !== undefined)
      bankGroups.set(f.enemyGroup, (bankGroups.get(f.enemyGroup) ?? 0) + 1);
  }
  const clashes = [
    ...[...bankGroups].filter(([, count]) => count > 1).map(([group]) => group),
    ...blueprint.enemyGroups
      .filter((group) => new Set(group.filter((id) => inPaper.has(id))).size > 1)
      .map((group) => group.join('+')),
  ];
  add(
    'enemies',
    '互斥题不同时出现',
    clashes.length === 0,
    clashes.join('，') || '无冲突',
    '无冲突',
  );

  const recent = [...inPaper].filter((id) => input.recentlyUsed.has(id));
  const limit = blueprint.exposure.maxExposure;
  const overExposed = facts.filter((f) => limit !== undefined && f.papersPinned >= limit);
  add(
    'exposure',
    '曝光限制',
    recent.length === 0 && overExposed.length === 0,
    `${recent.length} 道近期用过，${overExposed.length} 道超限`,
    '0',
  );

  for (const other of input.otherForms ?? []) {
    if (other.id === paper.id) continue;
    const shared = other.sections
      .flatMap((s) => s.items)
      .filter((ref) => inPaper.has(ref.itemId)).length;
    const allowed = input.maxOverlap ?? 0;
    add(
      `forms.overlap.${other.id}`,
      `与 ${other.id} 的重叠`,
      n > 0 && shared / n <= allowed + EPS,
      `${shared} 道`,
      `≤ ${Math.round(allowed * 100)}%`,
    );
    const mean = (p: Paper) => {
      const list = p.sections.flatMap((s) => s.items).map((ref) => items.get(ref.itemId));
      const ps = list.map((f) => (f === undefined ? 0 : pOf(f)));
      return ps.reduce((s, v) => s + v, 0) / Math.max(1, ps.length);
    };
    const gap = Math.abs(mean(paper) - mean(other));
    add(
      `forms.meanP.${other.id}`,
      `与 ${other.id} 的平均难度差`,
      gap <= 0.02 + EPS,
      gap.toFixed(4),
      '≤ 0.02',
    );
  }
  return checks;
}
