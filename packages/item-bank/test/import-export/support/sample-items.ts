import { contentBuilders, itemBody, itemBodyFromText, type ItemContent } from '@skillexam/shared';
import type { ExportItem, ParsedAsset } from '../../../src/import-export/item-file-types';

/** A 1×1 PNG (real bytes) and its sha256, for image round trips. */
export const PNG_BYTES = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

const base = { assessmentPointId: 'p1', level: 4 as const, difficulty: 3 };

export function sampleContents(imageHash?: string): ItemContent[] {
  return [
    {
      type: 'true_false',
      ...base,
      stem: itemBodyFromText('电气设备的金属外壳应可靠接地。'),
      key: true,
    },
    {
      type: 'single_choice',
      ...base,
      stem: itemBody(
        contentBuilders.paragraph(
          '欧姆定律为 ',
          contentBuilders.formula('U=IR'),
          '，其中 I 表示（ ）。',
        ),
        ...(imageHash !== undefined ? [contentBuilders.image(imageHash)] : []),
      ),
      options: [
        { id: 'A', content: itemBodyFromText('电压') },
        { id: 'B', content: itemBodyFromText('电流') },
        { id: 'C', content: itemBodyFromText('电阻') },
        { id: 'D', content: itemBodyFromText('功率') },
      ],
      key: 'B',
      explanation: itemBodyFromText('I 是电流。'),
    },
    {
      type: 'multiple_choice',
      ...base,
      difficulty: 4,
      stem: itemBodyFromText('下列属于绝缘材料的有（ ）。'),
      options: [
        { id: 'A', content: itemBodyFromText('橡胶') },
        { id: 'B', content: itemBodyFromText('陶瓷') },
        { id: 'C', content: itemBodyFromText('铜') },
        { id: 'D', content: itemBodyFromText('云母') },
        { id: 'E', content: itemBodyFromText('铝') },
      ],
      key: ['A', 'B', 'D'],
      ...(imageHash !== undefined
        ? {
            explanation: itemBody(
              contentBuilders.paragraph('见图：'),
              contentBuilders.image(imageHash, '材料'),
            ),
          }
        : {}),
    },
    {
      type: 'fill_blank',
      ...base,
      stem: itemBody(
        contentBuilders.paragraph(
          '电阻的单位是',
          contentBuilders.blank('b1'),
          '，电流的单位是',
          contentBuilders.blank('b2'),
          '。',
        ),
      ),
      key: { b1: ['欧姆', 'Ω'], b2: ['安培'] },
    },
    {
      type: 'short_answer',
      ...base,
      level: 3,
      stem: itemBodyFromText('简述保护接地的作用。'),
      key: { referenceAnswer: itemBodyFromText('防止设备漏电时人体触电。') },
    },
  ];
}

export function sampleExportItems(imageHash?: string): ExportItem[] {
  return sampleContents(imageHash).map((content, index) => ({
    id: `item-${index + 1}`,
    version: index + 1,
    content,
    pointCode: `A-B-00${index + 1}`,
    tags: index === 0 ? ['安全', '接地'] : [],
    ...(index === 1 ? { source: '国家题库', enemyGroup: 'g1' } : {}),
    status: 'approved',
  }));
}

export function assetLookup(assets: ReadonlyMap<string, ParsedAsset>) {
  return (hash: string) => assets.get(hash);
}
