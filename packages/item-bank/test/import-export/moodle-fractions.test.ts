import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseItemFile } from '../../src/import-export/index';

/*
 * A Moodle XML export in the shape Moodle 4.x writes (fixtures/moodle-gift/fractions.xml):
 * `fraction` follows the same rule as GIFT weights (answer-weights), descriptions are skipped
 * with a warning, numerical answers keep their tolerance, every other question type is
 * reported by name and line.
 */

const bytes = new Uint8Array(
  readFileSync(fileURLToPath(new URL('./fixtures/moodle-gift/fractions.xml', import.meta.url))),
);

describe('Moodle XML answer fractions (fractions.xml)', () => {
  it('imports only questions whose fractions the bank holds exactly', async () => {
    const file = await parseItemFile(bytes, { fileName: 'fractions.xml' });
    expect(file.format).toBe('moodle');
    expect(
      file.items.map((item) => [item.row, item.externalId, item.content.type, item.content.key]),
    ).toEqual([
      [15, 'DG-M01', 'single_choice', 'A'],
      [125, 'DG-M03', 'multiple_choice', ['A', 'B', 'C']],
      [241, 'DG-M05', 'multiple_choice', ['A', 'B']],
      [296, 'DG-M06', 'true_false', false],
      [385, 'DG-M09', 'fill_blank', { b1: ['欧姆', 'Ω'] }],
      [514, 'DG-M14', 'fill_blank', { b1: [{ number: 0.45, tolerance: 0.01, mode: 'absolute' }] }],
      [542, 'HG-M15', 'short_answer', expect.anything()],
    ]);
  });

  it('reports partial credit, wildcards and unsupported types once each, by name and line', async () => {
    const file = await parseItemFile(bytes, { fileName: 'fractions.xml' });
    expect(
      file.issues.map((issue) => [issue.line, issue.item, issue.severity, issue.reason]),
    ).toEqual([
      [70, 'DG-M02', 'error', expect.stringContaining('50%')],
      [186, 'DG-M04', 'error', expect.stringMatching(/50%.*30%.*20%/)],
      [325, 'DG-M07', 'error', expect.stringMatching(/安”.*50%/)],
      [361, 'DG-M08', 'error', expect.stringContaining('通配符')],
      [415, '说明', 'warning', expect.stringContaining('说明')],
      [432, 'HG-M11', 'error', expect.stringContaining('配对')],
      [462, 'DG-M12', 'error', expect.stringContaining('calculated')],
      [488, 'HG-M13', 'error', expect.stringContaining('ddwtos')],
      [570, 'HG-M16', 'error', expect.stringContaining('只有一个')],
    ]);
  });
});
