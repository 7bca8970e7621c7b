/* eslint-disable no-console */
/*
 * Timing of the file path of `qbank analyze`: a 10,000 × 200 response CSV of chosen options →
 * parseResponsesCsv → analyzeResponses → analysisToWorkbook. Not a test (no `.test.ts`):
 *
 *   npx tsx packages/item-bank/test/statistics/responses-file.bench.ts [--json]
 */
import { analyzeResponses } from '@skillexam/shared';
import { analysisToWorkbook, parseResponsesCsv } from '../../src/statistics/index';

const CANDIDATES = 10_000;
const ITEMS = 200;

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** Each candidate answers correctly with a probability that grows with ability. */
function responsesCsv(): Uint8Array {
  const random = seededRandom(7);
  const letters = 'ABCD';
  const keys = Array.from({ length: ITEMS }, () => letters[Math.floor(random() * 4)] ?? 'A');
  const lines = [
    ['准考证号', ...keys.map((_, j) => `Q${String(j + 1).padStart(3, '0')}`)].join(','),
    ['#答案', ...keys].join(','),
  ];
  for (let c = 0; c < CANDIDATES; c += 1) {
    const ability = 0.4 + 0.5 * random();
    const cells = keys.map((key) => {
      const u = random();
      if (u < 0.01) return '';
      return u < ability ? key : (letters[Math.floor(random() * 4)] ?? 'A');
    });
    lines.push([`C${String(c + 1).padStart(5, '0')}`, ...cells].join(','));
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

async function main(): Promise<void> {
  const bytes = responsesCsv();
  let start = performance.now();
  const parsed = parseResponsesCsv(bytes, { fileName: 'bench.csv' });
  const parseMs = performance.now() - start;
  if (!parsed.ok) throw new Error(parsed.issues[0]?.reason ?? 'parse failed');
  start = performance.now();
  const result = analyzeResponses(parsed.matrix);
  const analyzeMs = performance.now() - start;
  start = performance.now();
  const xlsx = await analysisToWorkbook(result);
  const workbookMs = performance.now() - start;
  const report = {
    candidates: CANDIDATES,
    items: ITEMS,
    csvMb: Number((bytes.length / 1e6).toFixed(1)),
    parseMs: Math.round(parseMs),
    analyzeMs: Math.round(analyzeMs),
    workbookMs: Math.round(workbookMs),
    workbookKb: Math.round(xlsx.length / 1024),
    peakRssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(report));
  else {
    console.log(`response file ${report.csvMb} MB (${CANDIDATES} × ${ITEMS} chosen options)`);
    console.log(
      `  parse ${report.parseMs} ms, analyse ${report.analyzeMs} ms, workbook ${report.workbookMs} ms (${report.workbookKb} KB)`,
    );
    console.log(`  RSS ${report.peakRssMb} MB`);
  }
}

await main();
