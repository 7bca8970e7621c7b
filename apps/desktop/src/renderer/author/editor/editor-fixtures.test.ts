import type { ItemBody } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { fromEditorValue, normalizeEditorValue, toEditorValue } from './editor-document';
import type { EditorNode } from './editor-types';
import { htmlToEditorBlocks } from './html-paste';
import { FIXTURES } from './fixtures/index';

/*
 * One runner for the editor's document fixtures (docs/architecture.md#rich-content): each file in
 * fixtures/<kind>/ exports `input` and `output`; fixtures/index.ts lists them.
 *   normalization: editor value → normalizeEditorValue
 *   paste:         clipboard HTML → htmlToEditorBlocks → normalizeEditorValue
 *   serialization: ItemBody → editor → ItemBody (round trip), and it stays stable
 */

type Fixture = { input: unknown; output: unknown };

function fixtures(kind: keyof typeof FIXTURES): [string, Fixture][] {
  return Object.entries(FIXTURES[kind]).map(([name, fixture]) => [`${name}.ts`, fixture]);
}

describe('editor document fixtures', () => {
  const normalization = fixtures('normalization');
  const paste = fixtures('paste');
  const serialization = fixtures('serialization');

  it('has fixtures of every kind', () => {
    expect(normalization.length).toBeGreaterThanOrEqual(4);
    expect(paste.length).toBeGreaterThanOrEqual(4);
    expect(serialization.length).toBeGreaterThanOrEqual(2);
  });

  describe.each(normalization)('normalization/%s', (_name, fixture) => {
    it('normalizes to the expected value, and normalizing again changes nothing', () => {
      const once = normalizeEditorValue(fixture.input as EditorNode[]);
      const expected = normalizeEditorValue(fixture.output as EditorNode[]);
      expect(once).toEqual(expected);
      expect(normalizeEditorValue(once)).toEqual(once);
      // The expected output is written in editor form; it must equal the stored form's editor form.
      if (_name === 'pad-inline-voids.ts') expect(once).toEqual(fixture.output);
    });
  });

  describe.each(paste)('paste/%s', (_name, fixture) => {
    it('turns the clipboard HTML into the expected blocks', () => {
      const blocks = normalizeEditorValue(htmlToEditorBlocks(fixture.input as string));
      expect(blocks).toEqual(toEditorValue(fromEditorValue(fixture.output as EditorNode[]).body));
      expect(fromEditorValue(blocks).body.content).toEqual(
        fromEditorValue(fixture.output as EditorNode[]).body.content,
      );
    });
  });

  describe.each(serialization)('serialization/%s', (_name, fixture) => {
    it('round-trips ItemBody → editor → ItemBody', () => {
      const body = fixture.input as ItemBody;
      const result = fromEditorValue(toEditorValue(body));
      expect(result.body).toEqual(fixture.output);
      expect(result.dropped).toEqual([]);
      expect(fromEditorValue(toEditorValue(result.body)).body).toEqual(result.body);
    });
  });
});
