import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blank, formula, image, itemBody, paragraph, text } from './builders';
import type { BlockElement } from './content-nodes';
import { ItemBodySchema } from './item-body';
import { restoreItemBody } from './restore-item-body';

const HASH = '0123456789abcdef'.repeat(4);

function envelope(content: unknown, version: unknown = 1): unknown {
  return { format: 'item-body', version, content };
}

interface Fixture {
  readonly name: string;
  readonly input: unknown;
  readonly output: BlockElement[];
  /** Paths of the dropped nodes. */
  readonly droppedPaths?: readonly (readonly number[])[];
}

const fixtures: readonly Fixture[] = [
  {
    name: 'keeps a valid document as it is',
    input: itemBody(
      paragraph(text('a', ['bold']), formula('x', true), blank('b1')),
      image(HASH, 'alt', 100),
    ).content,
    output: itemBody(
      paragraph(text('a', ['bold']), formula('x', true), blank('b1')),
      image(HASH, 'alt', 100),
    ).content,
  },
  {
    name: 'drops an unknown block type and keeps its neighbours',
    input: [
      { type: 'paragraph', children: [{ text: 'a' }] },
      { type: 'video', src: 'x' },
      { type: 'paragraph', children: [{ text: 'b' }] },
    ],
    output: [paragraph('a'), paragraph('b')],
    droppedPaths: [[1]],
  },
  {
    name: 'drops an unknown inline type and gives an emptied paragraph an empty text',
    input: [
      { type: 'paragraph', children: [{ type: 'mention', user: 'x', children: [{ text: '' }] }] },
    ],
    output: [paragraph()],
    droppedPaths: [[0, 0]],
  },
  {
    name: 'strips unknown attributes and unknown or null marks',
    input: [
      {
        type: 'paragraph',
        align: 'center',
        children: [{ text: 'x', bold: true, code: true, italic: null }],
      },
    ],
    output: [paragraph(text('x', ['bold']))],
  },
  {
    name: 'normalises void children and drops a blank without an id',
    input: [
      {
        type: 'paragraph',
        children: [
          { type: 'formula', latex: 'a+b', display: 'yes', children: [{ text: 'junk' }] },
          { type: 'blank', children: [] },
        ],
      },
    ],
    output: [paragraph(formula('a+b'))],
    droppedPaths: [[0, 1]],
  },
  {
    name: 'drops an image with a bad hash but keeps one with a bad width (without the width)',
    input: [
      { type: 'image', assetHash: 'not-a-hash', alt: 'x' },
      { type: 'image', assetHash: HASH, alt: 42, width: -5 },
    ],
    output: [image(HASH, '')],
    droppedPaths: [[0]],
  },
  {
    name: 'drops misplaced nodes: a list item at the top, a paragraph inside a list, a cell inside a table',
    input: [
      { type: 'list-item', children: [{ text: 'x' }] },
      {
        type: 'bulleted-list',
        children: [
          { type: 'paragraph', children: [{ text: 'p' }] },
          { type: 'list-item', children: [{ text: 'ok' }] },
        ],
      },
      { type: 'table', children: [{ type: 'table-cell', children: [{ text: 'c' }] }] },
    ],
    output: [
      { type: 'bulleted-list', children: [{ type: 'list-item', children: [{ text: 'ok' }] }] },
    ],
    droppedPaths: [[0], [1, 0], [2, 0], [2]],
  },
  {
    name: 'keeps tables with header cells',
    input: [
      {
        type: 'table',
        children: [
          {
            type: 'table-row',
            children: [{ type: 'table-cell', header: true, children: [{ text: 'h' }] }],
          },
          { type: 'table-row', children: [{ type: 'table-cell', header: 'no', children: [] }] },
        ],
      },
    ],
    output: [
      {
        type: 'table',
        children: [
          {
            type: 'table-row',
            children: [{ type: 'table-cell', header: true, children: [{ text: 'h' }] }],
          },
          { type: 'table-row', children: [{ type: 'table-cell', children: [{ text: '' }] }] },
        ],
      },
    ],
  },
  {
    name: 'turns empty or non-array content into one empty paragraph',
    input: 'not an array',
    output: [paragraph()],
    droppedPaths: [[]],
  },
  {
    name: 'drops bare strings, nulls and text leaves at the block level',
    input: ['<script>alert(1)</script>', null, { text: 'loose' }],
    output: [paragraph()],
    droppedPaths: [[0], [1], [2]],
  },
];

describe('restoreItemBody fixtures', () => {
  for (const fixture of fixtures) {
    it(fixture.name, () => {
      const result = restoreItemBody(envelope(fixture.input));
      if (!result.ok) throw new Error(result.error.message);
      expect(result.body).toEqual({ format: 'item-body', version: 1, content: fixture.output });
      expect(result.dropped.map((drop) => drop.path)).toEqual(fixture.droppedPaths ?? []);
    });
  }

  it('explains each drop', () => {
    const result = restoreItemBody(envelope([{ type: 'video' }]));
    expect(result.ok && result.dropped[0]?.reason).toContain('"video"');
  });
});

describe('restoreItemBody errors', () => {
  it.each([
    ['not an object', 'hello', 'not_an_item_body'],
    ['an array', [], 'not_an_item_body'],
    ['a foreign format', { format: 'excalidraw', version: 1, content: [] }, 'not_an_item_body'],
    ['a missing version', { format: 'item-body', content: [] }, 'unsupported_version'],
    ['version 0', envelope([], 0), 'unsupported_version'],
    ['a fractional version', envelope([], 1.5), 'unsupported_version'],
    ['a version from the future', envelope([], 99), 'version_from_future'],
  ])('refuses %s', (_name, input, code) => {
    const result = restoreItemBody(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe(code);
  });
});

describe('restoreItemBody on arbitrary input', () => {
  const nodeType = fc.constantFrom(
    'paragraph',
    'bulleted-list',
    'list-item',
    'table',
    'table-row',
    'table-cell',
    'image',
    'formula',
    'blank',
    'video',
  );
  const node = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.record(
        {
          text: fc.oneof(fc.string(), fc.integer()),
          bold: fc.oneof(fc.boolean(), fc.constant(null)),
        },
        { requiredKeys: [] },
      ),
      fc.record(
        {
          type: nodeType,
          children: fc.array(tie('node'), { maxLength: 4 }),
          latex: fc.string(),
          blankId: fc.string(),
          assetHash: fc.constantFrom(HASH, 'x'),
          alt: fc.string(),
        },
        { requiredKeys: ['type'] },
      ),
      fc.jsonValue(),
    ),
  }));

  it('never throws and always returns a valid body', () => {
    fc.assert(
      fc.property(fc.array(node.node, { maxLength: 5 }), (content) => {
        const result = restoreItemBody(envelope(content));
        expect(result.ok).toBe(true);
        if (result.ok) expect(ItemBodySchema.safeParse(result.body).success).toBe(true);
      }),
    );
  });
});
