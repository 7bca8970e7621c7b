import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { PNG_BYTES } from './sample-items';

/*
 * The banks behind fixtures/anquan-shengchan-gbk.csv and fixtures/hangong-merged.xlsx (written
 * by `npx tsx packages/item-bank/test/import-export/support/write-streaming-fixtures.ts`): the
 * shapes real Chinese banks have that a streaming reader must get right — GBK with CRLF as
 * Chinese Excel saves CSV, quoted cells with commas, doubled quotes and line breaks; a
 * workbook with a title row, 题型 merged down each block of rows, rich text, a formula with
 * its cached result, a formula error, a number and a date cell, and a picture in a stem cell.
 */

export const ANQUAN_ROWS: readonly (readonly string[])[] = [
  ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '解析', '难度'],
  [
    '单选',
    '《安全生产法》规定，生产经营单位的（ ）对本单位的安全生产工作全面负责。',
    '主要负责人',
    '安全管理人员',
    '分管负责人',
    '班组长',
    'A',
    '',
    '易',
  ],
  [
    '单选',
    '生产经营单位应当对从业人员进行安全生产教育和培训，未经安全生产教育和培训合格的从业人员，（ ）上岗作业。',
    '可以',
    '不得',
    '经批准可以',
    '试用期内可以',
    'B',
    '',
    '易',
  ],
  [
    '多选',
    '下列属于“三违”行为的有（ ）。',
    '违章指挥',
    '违章作业',
    '违反劳动纪律',
    '违反财务制度',
    'ABC',
    '“三违”指违章指挥、违章作业、违反劳动纪律。',
    '中',
  ],
  [
    '判断',
    '从业人员发现直接危及人身安全的紧急情况时，有权停止作业或者在采取可能的应急措施后撤离作业场所。',
    '',
    '',
    '',
    '',
    '√',
    '',
    '易',
  ],
  [
    '单选',
    '灭火器上的压力表指针指在（ ）区域时，表示压力正常。',
    '红色',
    '黄色',
    '绿色',
    '白色',
    'C',
    '',
    '易',
  ],
  [
    '多选',
    '发生火灾时，正确的逃生方法有：\r\n1. 用湿毛巾捂住口鼻；\r\n2. 沿疏散指示标志撤离。\r\n下列做法正确的是（ ）。',
    '弯腰低姿前进',
    '乘坐电梯逃生',
    '沿疏散通道撤离',
    '返回取贵重物品',
    'AC',
    '',
    '中',
  ],
  [
    '单选',
    '安全色中，表示“禁止、停止”含义的颜色是（ ）。',
    '红色',
    '蓝色',
    '黄色',
    '绿色',
    'A',
    '',
    '易',
  ],
  [
    '判断',
    '安全标志中的“当心触电”属于警告标志，其基本形式是正三角形边框。',
    '',
    '',
    '',
    '',
    '对',
    '',
    '中',
  ],
  [
    '单选',
    '在有限空间作业前，必须严格执行“先通风、再检测、后作业”的原则，检测时间不得早于作业开始前（ ）min。',
    '10',
    '30',
    '60',
    '120',
    'B',
    '',
    '较难',
  ],
  [
    '多选',
    '劳动防护用品按防护部位可分为（ ）等。',
    '头部防护用品',
    '呼吸器官防护用品',
    '手部防护用品',
    '办公用品',
    'ABC',
    '',
    '中',
  ],
  [
    '判断',
    '特种作业人员必须经专门的安全技术培训并考核合格，取得《中华人民共和国特种作业操作证》后，方可上岗作业。',
    '',
    '',
    '',
    '',
    '√',
    '',
    '易',
  ],
  [
    '单选',
    '标有“Ex”标志的电气设备是（ ）。',
    '防爆电气设备',
    '节能电气设备',
    '出口电气设备',
    '普通电气设备',
    'A',
    '',
    '中',
  ],
  [
    '单选',
    '使用“ABC”干粉灭火器扑救初起火灾时，应对准（ ）喷射。',
    '火焰上部',
    '火焰根部',
    '火焰中部',
    '烟雾最浓处',
    'B',
    '',
    '易',
  ],
  ['判断', '动火作业结束后，应清理现场，确认无残留火种后方可离开。', '', '', '', '', '√', '', '易'],
  [
    '多选',
    '事故调查处理应坚持“四不放过”原则，包括（ ）。',
    '事故原因未查清不放过',
    '责任人员未处理不放过',
    '整改措施未落实不放过',
    '有关人员未受到教育不放过',
    'ABCD',
    '',
    '较难',
  ],
  [
    '单选',
    '高处作业是指在坠落高度基准面（ ）m以上有可能坠落的高处进行的作业。',
    '1',
    '2',
    '3',
    '5',
    'B',
    '',
    '易',
  ],
];

export const HANGONG_TITLE = '焊工（五级）理论知识题库——第一部分';

/** Rows 3–… of the workbook; 题型 (column A) is merged down each block and left empty below. */
export const HANGONG_ROWS: readonly (readonly ExcelJS.CellValue[])[] = [
  ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案', '难度'],
  [
    '单选',
    '焊条电弧焊时，焊接电源种类的选择主要取决于（ ）。',
    '焊条药皮类型',
    '焊件厚度',
    '焊接位置',
    '焊工技术水平',
    'A',
    2,
  ],
  ['', 'E4303焊条属于（ ）型药皮焊条。', '钛钙', '低氢钠', '纤维素', '铁粉', 'A', 2],
  ['', '焊接时，弧长越长，电弧电压（ ）。', '越低', '越高', '不变', '先高后低', 'B', 3],
  [
    '',
    '碳钢焊接时，预热温度一般根据（ ）来确定。',
    '碳当量和板厚',
    '焊条直径',
    '焊接位置',
    '电流种类',
    'A',
    4,
  ],
  [
    '多选',
    '焊接作业的主要危险有害因素有（ ）。',
    '触电',
    '火灾爆炸',
    '弧光辐射',
    '噪声',
    'ABCD',
    3,
  ],
  [
    '',
    '电焊机外壳必须（ ），以防止触电。',
    '可靠接地',
    '装设漏电保护器',
    '刷绝缘漆',
    '用木板垫高',
    'AB',
    3,
  ],
  ['判断', '焊接作业场所10m范围内不得有易燃易爆物品。', '', '', '', '', '√', 1],
  ['', '在潮湿地点焊接时，焊工应站在干燥的绝缘板上。', '', '', '', '', '√', 2],
];

/** The bank as Chinese Excel saves "CSV (逗号分隔)": GBK, CRLF, quotes only where needed. */
export function anquanCsvBytes(rows: readonly (readonly string[])[] = ANQUAN_ROWS): Uint8Array {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const text = `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
  return new Uint8Array(iconv.encode(text, 'gbk'));
}

export async function hangongXlsxBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('填写说明').addRow(['题型列只在每类题的第一行填写（合并单元格）']);
  const sheet = workbook.addWorksheet('试题');
  sheet.addRow([HANGONG_TITLE]);
  sheet.mergeCells('A1:H1');
  sheet.addRow([]);
  for (const row of HANGONG_ROWS) sheet.addRow([...row]);
  // 题型 merged down each block (rows 4–7 单选, 8–9 多选, 10–11 判断).
  sheet.mergeCells('A4:A7');
  sheet.mergeCells('A8:A9');
  sheet.mergeCells('A10:A11');
  sheet.getCell('B6').value = {
    richText: [
      { text: '焊接时，弧长越长，' },
      { font: { bold: true }, text: '电弧电压' },
      { text: '（ ）。' },
    ],
  };
  sheet.getCell('H7').value = { formula: '2*2', result: 4 };
  sheet.getCell('I4').value = { formula: 'VLOOKUP(B4,Z:Z,1,FALSE)', result: { error: '#N/A' } };
  sheet.getCell('J4').value = new Date(Date.UTC(2024, 2, 15));
  sheet.getCell('K4').value = 0.1;
  sheet.getCell('L4').value = true;
  const image = workbook.addImage({ buffer: PNG_BYTES.slice().buffer, extension: 'png' });
  sheet.addImage(image, { tl: { col: 1.2, row: 9.2 }, ext: { width: 20, height: 20 } });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
