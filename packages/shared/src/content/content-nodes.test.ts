import { describe, expect, it } from 'vitest';
import {
  blank,
  formula,
  image,
  itemBody,
  paragraph,
  table,
  tableCell,
  tableRow,
  text,
} from './builders';
import { ItemBodySchema } from './item-body';

const HASH = 'a'.repeat(64);

describe('ItemBodySchema', () => {
  it('accepts every node type built by the builders', () => {
    const body = itemBody(
      paragraph(
        text('粗体', ['bold']),
        'H',
        text('2', ['subscript']),
        'O ',
        formula('x^2'),
        blank('b1'),
      ),
      image(HASH, '电路图', 320),
      table(tableRow(tableCell('电压'), tableCell('220V'))),
    );
    expect(ItemBodySchema.parse(body)).toEqual(body);
  });

  it('rejects null marks, unknown node types and extra attributes', () => {
    const withNullMark = {
      ...itemBody(),
      content: [{ type: 'paragraph', children: [{ text: 'x', bold: null }] }],
    };
    const withUnknownType = {
      ...itemBody(),
      content: [{ type: 'video', children: [{ text: '' }] }],
    };
    const withExtraAttribute = {
      ...itemBody(),
      content: [{ type: 'paragraph', align: 'center', children: [{ text: 'x' }] }],
    };
    expect(ItemBodySchema.safeParse(withNullMark).success).toBe(false);
    expect(ItemBodySchema.safeParse(withUnknownType).success).toBe(false);
    expect(ItemBodySchema.safeParse(withExtraAttribute).success).toBe(false);
  });

  it('rejects a void element with real text, an invalid asset hash and an empty document', () => {
    const voidWithText = itemBody(
      paragraph({ type: 'blank', blankId: 'b1', children: [{ text: 'x' }] } as never),
    );
    expect(ItemBodySchema.safeParse(voidWithText).success).toBe(false);
    expect(ItemBodySchema.safeParse(itemBody(image('ABC', 'x'))).success).toBe(false);
    expect(ItemBodySchema.safeParse({ format: 'item-body', version: 1, content: [] }).success).toBe(
      false,
    );
  });

  it('requires the current envelope', () => {
    expect(ItemBodySchema.safeParse({ ...itemBody(), version: 2 }).success).toBe(false);
    expect(ItemBodySchema.safeParse({ ...itemBody(), format: 'other' }).success).toBe(false);
  });
});
