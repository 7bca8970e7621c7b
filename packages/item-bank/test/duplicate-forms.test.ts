import { itemBodyFromText } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { contentSignature, variantForm } from '../src/imports/duplicate-forms';
import { similarityText } from '../src/items/item-text';
import { searchItems } from '../src/search/search-items';
import { createItem } from '../src/items/item-service';
import { memoryBank, trueFalse } from './support/fixtures';

/*
 * The exact form the importer compares by (docs/decisions/0630) never erases what changes a
 * question: signs, digits, decimal points, units (with their case) and Greek letters.
 */

const tf = (stem: string) => ({ type: 'true_false', stem: itemBodyFromText(stem) });

const MEANINGFUL_PAIRS: [string, string][] = [
  ['电流从“+”端流入。', '电流从“−”端流入。'],
  ['电流从"+"端流入。', '电流从"-"端流入。'],
  ['允许偏差为±5%。', '允许偏差为5%。'],
  ['功率P=U×I。', '功率P=U÷I。'],
  ['绝缘电阻应>0.5MΩ。', '绝缘电阻应<0.5MΩ。'],
  ['绝缘电阻应≥0.5MΩ。', '绝缘电阻应=0.5MΩ。'],
  ['线电压为380V。', '线电压为220V。'],
  ['熔体额定电流为1.5A。', '熔体额定电流为15A。'],
  ['绝缘电阻不低于0.5MΩ。', '绝缘电阻不低于0.5mΩ。'],
  ['额定电压10kV。', '额定电压10V。'],
  ['电阻率用ρ表示。', '电阻率用σ表示。'],
  ['相位角α=30°。', '相位角β=30°。'],
  ['温度为-5℃。', '温度为5℃。'],
];

const FORMATTING_PAIRS: [string, string][] = [
  ['我国安全电压额定值的等级为（ ）V。', '我国安全电压额定值的等级为(  )V'],
  ['停电检修时，应先验电，后装设接地线。', '停电检修时应先验电后装设接地线'],
  ['电压等级为“36V”。', '电压等级为 36V'],
  ['熔体额定电流为１．５Ａ。', '熔体额定电流为1.5A'],
  ['接地电阻应不大于____Ω。', '接地电阻应不大于（　）Ω。'],
];

describe('the exact form of an item', () => {
  it.each(MEANINGFUL_PAIRS)('keeps %s apart from %s, and flags them as variants', (a, b) => {
    expect(contentSignature(tf(a))).not.toBe(contentSignature(tf(b)));
    expect(variantForm(similarityText(tf(a)))).toBe(variantForm(similarityText(tf(b))));
  });

  it('does not take different English questions for variants of each other', () => {
    const a = tf("Grant is ( ) in Grant's tomb.");
    const b = tf('Who painted the Mona Lisa?');
    expect(variantForm(similarityText(a))).not.toBe(variantForm(similarityText(b)));
  });

  it.each(FORMATTING_PAIRS)('treats %s and %s as the same text', (a, b) => {
    expect(contentSignature(tf(a))).toBe(contentSignature(tf(b)));
  });

  it('leaves search exact: "+" and "−" texts are both found, and only by their own words', () => {
    const bank = memoryBank();
    createItem(bank, { content: trueFalse('电流从“+”端流入电流表。') }, 'writer');
    createItem(bank, { content: trueFalse('电流从“−”端流出电流表。') }, 'writer');
    expect(searchItems(bank.search, '端流入').total).toBe(1);
    expect(searchItems(bank.search, '电流表').total).toBe(2);
  });
});
