import { copyFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderIncidentRecord, type IncidentEntry } from '../../src/pdf/incident-record';
import { pdfPageCount, pdfText, renderFirstPage } from './pdf-tools';

const base = {
  examName: '2026年第一批次职业技能等级认定理论知识考试',
  occupationAndLevel: '电工（三级）',
  siteName: '北京市第一职业技能鉴定所',
  roomName: '第01考场',
  startedAt: Date.parse('2026-06-01T01:00:00Z'),
  endedAt: Date.parse('2026-06-01T02:40:00Z'),
  counts: { registered: 30, present: 28, absent: 2, voided: 1 },
  proctors: ['王老师', '刘老师'],
  printedAt: new Date('2026-06-01T03:00:00Z'),
};

const incidents: IncidentEntry[] = [
  {
    at: Date.parse('2026-06-01T01:35:00Z'),
    category: 'violation',
    candidates: ['2026DG0007 赵六（座位7）'],
    description: '考试中使用手机查阅资料，经劝告无效。',
    action: '试卷作废',
  },
  {
    at: Date.parse('2026-06-01T01:20:00Z'),
    category: 'power_network',
    candidates: [],
    description: '考场断电8分钟，恢复后全体考生继续作答。',
    action: '全体补时8分钟',
  },
  {
    at: Date.parse('2026-06-01T01:50:00Z'),
    category: 'equipment',
    candidates: ['2026DG0012 钱七（座位12）'],
    description: '考试机死机，更换至备用机（座位31），答案已保留。',
    action: '换机，补时5分钟',
  },
  {
    at: Date.parse('2026-06-01T02:00:00Z'),
    category: 'other',
    candidates: ['2026DG0015 孙八（座位15）'],
    description: '考生身体不适，提前交卷。',
    action: '记录在案',
  },
];

describe('renderIncidentRecord', () => {
  it('prints the session, counts, every incident in time order and two signature lines', async () => {
    const bytes = await renderIncidentRecord({ ...base, incidents });
    const { text, file } = pdfText(bytes, 'incident.pdf');
    const compact = text.replace(/\s+/g, '');
    for (const expected of [
      '考场情况记录',
      '第01考场',
      '应考30人，实考28人，缺考2人，试卷作废1人',
      '王老师、刘老师',
      '违纪',
      '设备故障',
      '断电断网',
      '其他',
      '试卷作废',
      '全体补时8分钟',
      '全体',
    ]) {
      expect(compact).toContain(expected);
    }
    expect(compact.indexOf('考场断电8分钟')).toBeLessThan(compact.indexOf('使用手机'));
    expect(text.match(/监考人员（签名）/g)).toHaveLength(2);
    expect(pdfPageCount(file)).toBe(1);
    const png = renderFirstPage(file);
    const keep = process.env['SKILLEXAM_PDF_PREVIEW_DIR'];
    if (keep !== undefined && existsSync(keep)) copyFileSync(png, `${keep}/incident-record.png`);
  });

  it('says so when nothing happened, and flows long records onto more pages', async () => {
    const quiet = pdfText(await renderIncidentRecord({ ...base, incidents: [] }));
    expect(quiet.text.replace(/\s+/g, '')).toContain('本场考试无异常情况');
    const many = Array.from(
      { length: 25 },
      (_, i) => ({ ...incidents[0], at: base.startedAt + i * 60_000 }) as IncidentEntry,
    );
    const long = pdfText(await renderIncidentRecord({ ...base, incidents: many }), 'long.pdf');
    expect(pdfPageCount(long.file)).toBeGreaterThan(1);
    expect(long.text.match(/监考人员（签名）/g)).toHaveLength(2);
  });
});
