import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  MAX_COMPONENT_LINES,
  MAX_FILE_LINES,
  MAX_MEDIAN_FILE_LINES,
  countLines,
  measureAllComponents,
  measureComponents,
  measureFiles,
  median,
} from './source-size';

/*
 * No source file over 400 lines, no React component over 200, the median file under 100
 * (docs/decisions/0830-size-limits-checked-by-a-test.md).
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Files another change is reshaping right now; each leaves this list when that change lands.
 * Nothing else may be exempt.
 */
const EXEMPT_FILES: readonly RegExp[] = [
  /^packages\/shared\/src\/protocol\/bank-channels\.ts$/,
  /^apps\/desktop\/src\/host\/bank\/bank-service\.ts$/,
  /^packages\/item-bank\/src\/imports\//,
  /^packages\/item-bank\/src\/import-export\/(csv|xlsx)-[^/]*\.ts$/,
  /^packages\/item-bank\/src\/import-export\/(table-import|parse-item-file)\.ts$/,
];

const exempt = (path: string) => EXEMPT_FILES.some((pattern) => pattern.test(path));

describe('source size limits', () => {
  const files = measureFiles(root);

  it('finds the source files of every workspace', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(
      files.some((f) => f.path === 'apps/desktop/src/renderer/author/PaperWorkbench.tsx'),
    ).toBe(true);
    expect(files.some((f) => f.path.endsWith('.test.ts'))).toBe(false);
  });

  it(`keeps every source file at ${MAX_FILE_LINES} lines or fewer`, () => {
    const over = files
      .filter((f) => f.lines > MAX_FILE_LINES && !exempt(f.path))
      .map((f) => `${f.path}: ${f.lines} 行`);
    expect(over).toEqual([]);
  });

  it(`keeps every React component at ${MAX_COMPONENT_LINES} lines or fewer`, () => {
    const over = measureAllComponents(root)
      .filter((c) => c.lines > MAX_COMPONENT_LINES && !exempt(c.path))
      .map((c) => `${c.path} ${c.name}: ${c.lines} 行`);
    expect(over).toEqual([]);
  });

  it(`keeps the median source file under ${MAX_MEDIAN_FILE_LINES} lines`, () => {
    expect(median(files.map((f) => f.lines))).toBeLessThan(MAX_MEDIAN_FILE_LINES);
  });
});

describe('measuring', () => {
  it('counts lines as wc -l does', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('一行\n')).toBe(1);
    expect(countLines('第一行\n第二行')).toBe(2);
    expect(countLines('a\n\nb\n')).toBe(3);
  });

  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBe(0);
  });

  it('measures top-level function components and arrow components, not helpers', () => {
    const source = [
      "import { memo } from 'react';",
      '',
      '/** 考生信息 */',
      'export function CandidateCard({ name }: { name: string }) {',
      '  return (',
      '    <div>',
      '      {name}',
      '    </div>',
      '  );',
      '}',
      '',
      'const SeatTile = memo(function SeatTile() {',
      '  return <span>座位</span>;',
      '});',
      '',
      'export const ExamClock = () => <b>90:00</b>;',
      '',
      'function formatSeat(seat: number) {',
      '  return `${seat}号`;',
      '}',
      '',
    ].join('\n');
    expect(measureComponents('Candidate.tsx', source)).toEqual([
      { path: 'Candidate.tsx', name: 'CandidateCard', lines: 7 },
      { path: 'Candidate.tsx', name: 'SeatTile', lines: 3 },
      { path: 'Candidate.tsx', name: 'ExamClock', lines: 1 },
    ]);
  });
});
