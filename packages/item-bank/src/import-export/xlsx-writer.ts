import type ExcelJS from 'exceljs';
import { collectAssetHashes, type ItemBody } from '@skillexam/shared';
import { TEMPLATE_FIELDS, type TemplateField } from './column-mapping';
import type { AssetLookup, ExportItem } from './item-file-types';
import { EXPORT_HEADER, itemToRow } from './item-to-row';

/*
 * Writes items as the Excel item template (sheet 试题) plus the 填写说明 sheet. Pictures are
 * written twice: as `[图片:<hash>]` tokens (what the reader maps back) and embedded over the
 * cell that shows them (stem, option, explanation, reference answer) so a person sees them.
 */

const COLUMN_WIDTHS: Partial<Record<(typeof TEMPLATE_FIELDS)[number], number>> = {
  stem: 60,
  explanation: 40,
  optionA: 20,
  optionB: 20,
  optionC: 20,
  optionD: 20,
  pointCode: 14,
};

const EXTENSION_BY_MIME: Record<string, 'png' | 'jpeg' | 'gif'> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
};

export const TEMPLATE_INSTRUCTIONS: readonly (readonly [string, string])[] = [
  ['题型', '判断、单选、多选、填空、简答（也可写 判断题、单项选择题、多项选择题 等）'],
  ['题干', '必填。公式写成 $…$；填空题用“（ ）”或“____”标出每个空'],
  ['选项A–F', '选择题的选项，从 A 起连续填写；单选至少 2 个，多选至少 3 个'],
  [
    '答案',
    '单选：A；多选：ABD 或 A,B,D；判断：√/×、对/错、T/F；填空：各空用“；”分隔，同一空的多个答案用“|”分隔；简答：参考答案',
  ],
  ['解析', '可选'],
  ['鉴定点代码', '如 A-B-001；审核通过前必须填写'],
  ['难度', '1–5 或 易/较易/中/较难/难'],
  ['等级', '1–5（5 = 五级/初级工，1 = 一级/高级技师）或 五级…一级'],
  ['标签', '多个标签用逗号或顿号分隔'],
  ['来源 / 互斥组', '可选；同一互斥组的题不会出现在同一份试卷中'],
];

function addItemsSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet('试题', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TEMPLATE_FIELDS.map((field, index) => ({
    header: EXPORT_HEADER[index] ?? field,
    key: field,
    width: COLUMN_WIDTHS[field] ?? 10,
  }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

function addInstructionsSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('填写说明');
  sheet.columns = [
    { header: '列', key: 'column', width: 16 },
    { header: '填写说明', key: 'text', width: 100 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const [column, text] of TEMPLATE_INSTRUCTIONS) sheet.addRow([column, text]);
}

/** The rich-text cells of an item row and the documents they show. */
function bodiesByField(item: ExportItem): [TemplateField, ItemBody][] {
  const { content } = item;
  const bodies: [TemplateField, ItemBody][] = [['stem', content.stem]];
  if (content.explanation !== undefined) bodies.push(['explanation', content.explanation]);
  if ('options' in content) {
    for (const option of content.options) bodies.push([`option${option.id}`, option.content]);
  }
  if (content.type === 'short_answer') bodies.push(['key', content.key.referenceAnswer]);
  return bodies;
}

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

export async function writeXlsxItems(
  items: readonly ExportItem[],
  assets: AssetLookup,
): Promise<Uint8Array> {
  // exceljs loads when a workbook is read or written (decision 0723)
  const { default: Excel }: { default: typeof ExcelJS } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = addItemsSheet(workbook);
  const imageIds = new Map<string, number>();
  items.forEach((item, index) => {
    sheet.addRow(itemToRow(item));
    for (const [field, body] of bodiesByField(item)) {
      const column = TEMPLATE_FIELDS.indexOf(field);
      collectAssetHashes(body).forEach((hash, order) => {
        const asset = assets(hash);
        const extension = asset === undefined ? undefined : EXTENSION_BY_MIME[asset.mime];
        if (asset === undefined || extension === undefined) return;
        let imageId = imageIds.get(hash);
        if (imageId === undefined) {
          imageId = workbook.addImage({ buffer: asset.bytes.slice().buffer, extension });
          imageIds.set(hash, imageId);
        }
        // Anchored inside the cell (col + a fraction) so the reader finds its column.
        sheet.addImage(imageId, {
          tl: { col: column + 0.1 + order * 0.01, row: index + 1.1 },
          ext: { width: 48, height: 48 },
        });
      });
    }
  });
  addInstructionsSheet(workbook);
  return toBytes(workbook);
}

/** An empty item template with the header, one example row per type and the instructions. */
export async function writeItemTemplate(): Promise<Uint8Array> {
  // exceljs loads when a workbook is read or written (decision 0723)
  const { default: Excel }: { default: typeof ExcelJS } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = addItemsSheet(workbook);
  sheet.addRow([
    '',
    '判断',
    '电气设备的金属外壳应可靠接地。',
    '',
    '',
    '',
    '',
    '',
    '',
    '√',
    '保护接地防止触电。',
    'A-B-001',
    '2',
    '5',
    '安全',
    '',
    '',
  ]);
  sheet.addRow([
    '',
    '单选',
    '我国工频交流电的频率为（ ）Hz。',
    '50',
    '60',
    '100',
    '220',
    '',
    '',
    'A',
    '',
    'A-B-002',
    '1',
    '5',
    '',
    '',
    '',
  ]);
  sheet.addRow([
    '',
    '多选',
    '属于绝缘材料的有（ ）。',
    '橡胶',
    '陶瓷',
    '铜',
    '云母',
    '铝',
    '',
    'ABD',
    '',
    'A-B-003',
    '3',
    '4',
    '',
    '',
    '',
  ]);
  sheet.addRow([
    '',
    '填空',
    '电阻的单位是____，电流的单位是____。',
    '',
    '',
    '',
    '',
    '',
    '',
    '欧姆|Ω；安培|A',
    '',
    'A-B-004',
    '2',
    '5',
    '',
    '',
    '',
  ]);
  sheet.addRow([
    '',
    '简答',
    '简述保护接地的作用。',
    '',
    '',
    '',
    '',
    '',
    '',
    '防止设备漏电时人体触电。',
    '',
    'A-B-005',
    '3',
    '3',
    '',
    '',
    '',
  ]);
  addInstructionsSheet(workbook);
  return toBytes(workbook);
}
