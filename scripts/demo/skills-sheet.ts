import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { mulberry32 } from '@skillexam/shared';

/*
 * The demo's 实操成绩表: the skills (practical) scores an assessment office hands in for a
 * batch, one row per candidate, as an .xlsx with the headers offices use (身份证号 / 姓名 /
 * 实操成绩). About `passRate` of the candidates score 60 or more; the rest 35–59; one in
 * twenty is 缺考 when there are enough candidates to show it.
 */

export interface SheetCandidate {
  readonly idNumber: string;
  readonly name: string;
}

export interface SkillsSheet {
  readonly file: string;
  readonly rows: number;
  /** Candidates given a passing skills score (60 or more). */
  readonly passing: number;
  readonly absent: number;
}

export async function writeSkillsSheet(
  file: string,
  candidates: readonly SheetCandidate[],
  { passRate = 0.85, seed = 20261206 }: { passRate?: number; seed?: number } = {},
): Promise<SkillsSheet> {
  const random = mulberry32(seed);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('实操成绩');
  sheet.addRow(['身份证号', '姓名', '实操成绩']);
  sheet.getColumn(1).width = 22;
  sheet.getColumn(1).numFmt = '@';
  let passing = 0;
  let absent = 0;
  candidates.forEach((candidate, index) => {
    const isAbsent = candidates.length >= 20 && index % 20 === 19;
    const passes = !isAbsent && random() < passRate;
    const score = passes ? 60 + Math.round(random() * 36) : 35 + Math.round(random() * 24);
    if (isAbsent) absent += 1;
    else if (passes) passing += 1;
    // the ID number as text: Excel would otherwise store 18 digits as a rounded number
    sheet.addRow([candidate.idNumber, candidate.name, isAbsent ? '缺考' : score]);
  });
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return { file, rows: candidates.length, passing, absent };
}
