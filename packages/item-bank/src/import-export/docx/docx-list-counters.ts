import { levelText } from './docx-number-format';
import type { AbstractList, ListLevel, NumberingDefinitions } from './docx-numbering';

/*
 * Counts Word's automatic numbering in document order and gives the text each numbered
 * paragraph shows (docs/decisions/0933-word-automatic-numbering-as-text.md), as Word does:
 * - the running count belongs to the abstract list: list instances (w:num) that share one
 *   continue each other's numbering;
 * - the first paragraph of an instance with w:lvlOverride/w:startOverride restarts that level
 *   at the override (Word's 「重新开始于 1」 writes exactly that);
 * - using a level restarts the levels below it (unless w:lvlRestart says otherwise);
 * - a level never used yet shows its start value in 「%1.%2」.
 */

export interface NumberLabel {
  /** The number as Word draws it: 「3.」「B.」「二、」「（4）」. */
  readonly text: string;
  readonly suffix: 'tab' | 'space' | 'nothing';
}

const MAX_LEVELS = 9;

interface Running {
  /** Last value per level; undefined: the level starts again at its next use. */
  readonly values: (number | undefined)[];
}

export class ListCounters {
  readonly #definitions: NumberingDefinitions;
  readonly #running = new Map<string, Running>();
  readonly #seenInstances = new Set<string>();

  constructor(definitions: NumberingDefinitions) {
    this.#definitions = definitions;
  }

  /** The abstract list behind an instance, through w:numStyleLink (a numbering style). */
  #abstract(numId: string, depth = 0): { id: string; list: AbstractList } | undefined {
    const instance = this.#definitions.instances.get(numId);
    if (instance === undefined || depth > 4) return undefined;
    const list = this.#definitions.abstracts.get(instance.abstractId);
    if (list === undefined) return undefined;
    if (list.numStyleLink === undefined) return { id: instance.abstractId, list };
    const linked = this.#definitions.styles.get(list.numStyleLink)?.numId;
    return linked === undefined || linked === numId
      ? { id: instance.abstractId, list }
      : this.#abstract(linked, depth + 1);
  }

  #level(numId: string, list: AbstractList, ilvl: number): ListLevel {
    const override = this.#definitions.instances.get(numId)?.overrides.get(ilvl)?.level;
    return { ...list.levels.get(ilvl), ...override };
  }

  #start(numId: string, list: AbstractList, ilvl: number): number {
    const override = this.#definitions.instances.get(numId)?.overrides.get(ilvl);
    return override?.startOverride ?? this.#level(numId, list, ilvl).start ?? 0;
  }

  /**
   * Counts one numbered paragraph and returns what Word shows before its text; undefined for
   * a list Word does not number (a bullet, or an instance numbering.xml does not define).
   */
  next(numId: string, ilvl: number): NumberLabel | undefined {
    const found = this.#abstract(numId);
    if (found === undefined) return undefined;
    const { id, list } = found;
    const level = Math.min(Math.max(ilvl, 0), MAX_LEVELS - 1);
    let running = this.#running.get(id);
    if (running === undefined) {
      running = { values: [] };
      this.#running.set(id, running);
    }
    if (!this.#seenInstances.has(numId)) {
      this.#seenInstances.add(numId);
      const instance = this.#definitions.instances.get(numId);
      for (const [overridden, entry] of instance?.overrides ?? []) {
        if (entry.startOverride !== undefined) running.values[overridden] = undefined;
      }
    }
    const values = running.values;
    const previous = values[level];
    values[level] = previous === undefined ? this.#start(numId, list, level) : previous + 1;
    for (let deeper = level + 1; deeper < MAX_LEVELS; deeper += 1) {
      const restart = this.#level(numId, list, deeper).restart;
      // w:lvlRestart is 1-based: 「restart after level n」 means after a level with index < n.
      if (restart === undefined || (restart !== 0 && level < restart)) values[deeper] = undefined;
    }
    const definition = this.#level(numId, list, level);
    if (definition.numFmt === 'bullet') return undefined;
    const text = levelText(definition.lvlText ?? '', (shown) => ({
      value: values[shown] ?? this.#start(numId, list, shown),
      numFmt:
        definition.isLgl === true
          ? 'decimal'
          : (this.#level(numId, list, shown).numFmt ?? 'decimal'),
    }));
    return { text, suffix: definition.suffix ?? 'tab' };
  }
}
