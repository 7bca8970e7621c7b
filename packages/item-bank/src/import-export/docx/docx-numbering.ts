import { parseXmlBytes } from '../xml-events';

/*
 * Word's automatic numbering (docs/decisions/0933-word-automatic-numbering-as-text.md):
 * word/numbering.xml (abstract lists with their levels, list instances with overrides) and the
 * numbering carried by paragraph styles in word/styles.xml, read into plain definitions.
 * Counting them in document order is docx-list-counters.ts.
 */

export interface ListLevel {
  readonly start?: number;
  readonly numFmt?: string;
  readonly lvlText?: string;
  /** w:lvlRestart: 0 never restarts; n restarts after a level 1…n is used; absent: any earlier level. */
  readonly restart?: number;
  readonly isLgl?: boolean;
  /** What follows the number: a tab (Word's default), a space or nothing. */
  readonly suffix?: 'tab' | 'space' | 'nothing';
  /** w:pStyle: the paragraph style this level is linked to. */
  readonly style?: string;
}

export interface AbstractList {
  readonly levels: Map<number, ListLevel>;
  /** w:numStyleLink: the list is defined by a numbering style (its w:num, then its abstract list). */
  numStyleLink?: string;
}

export interface ListInstance {
  abstractId: string;
  /** w:lvlOverride per level: w:startOverride and/or a whole w:lvl. */
  readonly overrides: Map<number, { startOverride?: number; level?: ListLevel }>;
}

export interface NumberingDefinitions {
  readonly abstracts: Map<string, AbstractList>;
  readonly instances: Map<string, ListInstance>;
  /** Numbering a style gives its paragraphs (w:style/w:pPr/w:numPr, through w:basedOn). */
  readonly styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;
  /** The default paragraph style, used by paragraphs without w:pStyle. */
  defaultStyle?: string;
}

const int = (value: string | undefined) => {
  const number = Number.parseInt(value ?? '', 10);
  return Number.isFinite(number) ? number : undefined;
};

/** The element around the current one, looking through mc:AlternateContent/mc:Fallback. */
const parentOf = (path: readonly string[]) =>
  path.filter((name) => name !== 'AlternateContent' && name !== 'Fallback').at(-2);

type MutableLevel = { -readonly [K in keyof ListLevel]: ListLevel[K] };

function readLevelProperty(level: MutableLevel, name: string, val: string | undefined): void {
  if (name === 'start') level.start = int(val) ?? 0;
  else if (name === 'numFmt') level.numFmt = val ?? 'decimal';
  else if (name === 'lvlText') level.lvlText = val ?? '';
  else if (name === 'lvlRestart') level.restart = int(val) ?? 0;
  else if (name === 'isLgl') level.isLgl = val !== 'false' && val !== '0';
  else if (name === 'suff') level.suffix = val === 'space' || val === 'nothing' ? val : 'tab';
  else if (name === 'pStyle' && val !== undefined) level.style = val;
}

/** Reads word/numbering.xml (throws on malformed XML). */
export function readNumberingPart(bytes: Uint8Array, into: NumberingDefinitions): void {
  const path: string[] = [];
  let abstract: AbstractList | undefined;
  let instance: ListInstance | undefined;
  let level: { ilvl: number; value: MutableLevel } | undefined;
  let override: number | undefined;
  parseXmlBytes(bytes, {
    open(name, attributes) {
      path.push(name);
      const val = attributes.val;
      // mc:Choice holds formats for newer Word (custom 「01, 02」); mc:Fallback is read instead.
      if (path.includes('Choice')) return;
      if (name === 'abstractNum' && attributes.abstractNumId !== undefined) {
        abstract = { levels: new Map() };
        into.abstracts.set(attributes.abstractNumId, abstract);
      } else if (name === 'num' && attributes.numId !== undefined) {
        instance = { abstractId: '', overrides: new Map() };
        into.instances.set(attributes.numId, instance);
      } else if (name === 'abstractNumId' && instance !== undefined) {
        instance.abstractId = val ?? '';
      } else if (name === 'lvlOverride' && instance !== undefined) {
        override = int(attributes.ilvl) ?? 0;
        instance.overrides.set(override, {});
      } else if (name === 'startOverride' && instance !== undefined && override !== undefined) {
        const entry = instance.overrides.get(override);
        const start = int(val);
        if (entry !== undefined && start !== undefined) entry.startOverride = start;
      } else if (name === 'lvl') {
        level = { ilvl: int(attributes.ilvl) ?? 0, value: {} };
      } else if (name === 'numStyleLink' && abstract !== undefined && val !== undefined) {
        abstract.numStyleLink = val;
      } else if (level !== undefined && parentOf(path) === 'lvl') {
        readLevelProperty(level.value, name, val);
      }
    },
    close(name) {
      path.pop();
      if (path.includes('Choice')) return;
      if (name === 'lvl' && level !== undefined) {
        if (override !== undefined && instance !== undefined) {
          const entry = instance.overrides.get(override);
          if (entry !== undefined) entry.level = level.value;
        } else abstract?.levels.set(level.ilvl, level.value);
        level = undefined;
      } else if (name === 'lvlOverride') override = undefined;
      else if (name === 'abstractNum') abstract = undefined;
      else if (name === 'num') instance = undefined;
    },
  });
}

/** Reads the numbering of paragraph and numbering styles from word/styles.xml. */
export function readStylesPart(bytes: Uint8Array, into: NumberingDefinitions): void {
  const path: string[] = [];
  let style: { numId?: string; ilvl?: number; basedOn?: string } | undefined;
  parseXmlBytes(bytes, {
    open(name, attributes) {
      path.push(name);
      if (name === 'style' && attributes.styleId !== undefined) {
        style = {};
        into.styles.set(attributes.styleId, style);
        const isDefault = attributes.default === '1' || attributes.default === 'true';
        if (isDefault && attributes.type === 'paragraph') into.defaultStyle = attributes.styleId;
      } else if (style !== undefined && name === 'basedOn' && attributes.val !== undefined) {
        style.basedOn = attributes.val;
      } else if (style !== undefined && path.at(-2) === 'numPr' && path.at(-3) === 'pPr') {
        if (name === 'numId' && attributes.val !== undefined) style.numId = attributes.val;
        if (name === 'ilvl') {
          const ilvl = int(attributes.val);
          if (ilvl !== undefined) style.ilvl = ilvl;
        }
      }
    },
    close(name) {
      path.pop();
      if (name === 'style') style = undefined;
    },
  });
}

export function emptyDefinitions(): NumberingDefinitions {
  return { abstracts: new Map(), instances: new Map(), styles: new Map() };
}

/** The list (numId, level) a paragraph style numbers its paragraphs with, through w:basedOn. */
export function styleNumbering(
  definitions: NumberingDefinitions,
  styleId: string | undefined,
): { numId: string; ilvl?: number } | undefined {
  const seen = new Set<string>();
  let id = styleId ?? definitions.defaultStyle;
  let ilvl: number | undefined;
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const style = definitions.styles.get(id);
    if (style === undefined) return undefined;
    ilvl ??= style.ilvl;
    if (style.numId !== undefined) {
      return ilvl === undefined ? { numId: style.numId } : { numId: style.numId, ilvl };
    }
    id = style.basedOn;
  }
  return undefined;
}
