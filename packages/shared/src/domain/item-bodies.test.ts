import { describe, expect, it } from 'vitest';
import { image, itemBody, itemBodyFromText, paragraph, text } from '../content/builders';
import { toCandidatePaperItem } from './candidate-paper';
import { contentAssetHashes, itemBodies, paperAssetHashes } from './item-bodies';
import type { ItemContent } from './item-content';

const WIRING = 'a'.repeat(64);
const METER = 'b'.repeat(64);
const SIGN = 'c'.repeat(64);

const withPicture = (words: string, hash: string) =>
  itemBody(paragraph(text(words)), image(hash, words));

const common = {
  assessmentPointId: 'point-A-B-001',
  level: 4,
  difficulty: 3,
} as const;

const single: ItemContent = {
  type: 'single_choice',
  ...common,
  stem: withPicture('如图所示的电能表接线方式属于（　　）。', WIRING),
  explanation: withPicture('电压线圈并接、电流线圈串接，见接线图。', WIRING),
  options: [
    { id: 'A', content: itemBodyFromText('直接接入式') },
    { id: 'B', content: withPicture('经电流互感器接入式', METER) },
    { id: 'C', content: itemBodyFromText('经电压互感器接入式') },
    { id: 'D', content: withPicture('经电流、电压互感器接入式', SIGN) },
  ],
  key: 'B',
};

const shortAnswer: ItemContent = {
  type: 'short_answer',
  ...common,
  stem: itemBodyFromText('简述“禁止合闸，有人工作”标示牌的悬挂位置。'),
  key: { referenceAnswer: withPicture('悬挂在一经合闸即可送电到工作地点的开关操作把手上。', SIGN) },
};

describe('itemBodies', () => {
  it('reads stem, 解析, options and reference answer in that order', () => {
    expect(itemBodies(single)).toEqual([
      single.stem,
      single.explanation,
      ...single.options.map((option) => option.content),
    ]);
    expect(itemBodies(shortAnswer)).toEqual([shortAnswer.stem, shortAnswer.key.referenceAnswer]);
  });

  it('reads a candidate copy: stem and options, never the key', () => {
    const ref = { itemId: 'item-1', version: 2 };
    expect(itemBodies(toCandidatePaperItem(single, ref, 1, 1))).toEqual([
      single.stem,
      ...single.options.map((option) => option.content),
    ]);
    expect(itemBodies(toCandidatePaperItem(shortAnswer, ref, 2, 10))).toEqual([shortAnswer.stem]);
  });
});

describe('contentAssetHashes', () => {
  it('lists each picture once, in document order', () => {
    expect(contentAssetHashes(single)).toEqual([WIRING, METER, SIGN]);
    expect(contentAssetHashes(shortAnswer)).toEqual([SIGN]);
  });

  it('leaves out the pictures only the 解析 and key show when given a candidate copy', () => {
    const ref = { itemId: 'item-1', version: 2 };
    expect(contentAssetHashes(toCandidatePaperItem(shortAnswer, ref, 2, 10))).toEqual([]);
  });
});

describe('paperAssetHashes', () => {
  it('lists the pictures of the candidate copies once each, in paper order', () => {
    const copies = [single, shortAnswer, single].map((content, index) =>
      toCandidatePaperItem(content, { itemId: `item-${index}`, version: 1 }, index + 1, 2),
    );
    const paper = {
      sections: [{ items: copies.slice(0, 1) }, { items: copies.slice(1) }],
    };
    expect(paperAssetHashes(paper)).toEqual([WIRING, METER, SIGN]);
    expect(paperAssetHashes({ sections: [{ items: copies.slice(1, 2) }] })).toEqual([]);
  });
});
