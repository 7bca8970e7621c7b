import { BlueprintSchema } from '@skillexam/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemblePapers } from '../../src/assembly/assemble-papers';
import { createHighsSolver } from '../../src/assembly/highs-solver';
import type { MipSolver } from '../../src/assembly/mip-solver';
import { toPaperRecord } from '../../src/assembly/paper-record';
import { recordPapers } from '../../src/assembly/paper-store';
import { createAssemblyRepository } from '../../src/db/assembly-repository';
import { openBank } from '../../src/db/open-bank';
import { saveStandard } from '../../src/standards/import-standard';
import { fakeClock, sequentialIds } from '../support/fixtures';
import {
  fillLevel3Bank,
  L3_STANDARD_ID,
  level3BlueprintJson,
  level3Standard,
} from './assembly-bank';

let solver: MipSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

function bankWithItems() {
  const bank = openBank(':memory:', { clock: fakeClock(), newId: sequentialIds('it') });
  saveStandard(bank.standards, level3Standard(), '2026-01-01T00:00:00.000Z');
  fillLevel3Bank(bank, { trueFalse: 60, singleChoice: 120, multipleChoice: 32 });
  return bank;
}

describe('paper records in the bank', { timeout: 60_000 }, () => {
  it('records forms, pins versions, counts exposure and keeps recent items out of the next paper', () => {
    const bank = bankWithItems();
    const repository = createAssemblyRepository(bank.db, bank.standards);
    const blueprint = BlueprintSchema.parse(
      level3BlueprintJson({ exposure: { notUsedInLastPapers: 1 } }),
    );
    const first = assemblePapers(
      blueprint,
      repository.loadSource(blueprint.standard, 3, 1),
      solver,
      {
        seed: 1,
      },
    );
    if (!first.ok) throw new Error(first.problems.map((p) => p.message).join('\n'));
    const record = toPaperRecord(first.forms[0]!, {
      blueprint,
      seed: 1,
      formCount: 1,
      maxOverlap: 0.15,
      assembledAt: bank.clock(),
    });
    recordPapers(repository, bank.items, [record], L3_STANDARD_ID, 'admin', bank.clock());

    expect(repository.listPapers()).toMatchObject([
      { id: 'bp-dg-3-s1-A', form: 'A', level: 3, blueprintId: 'bp-dg-3', seed: 1, itemCount: 35 },
    ]);
    expect(repository.getPaperRecord('bp-dg-3-s1-A')).toEqual(record);
    const used = record.paper.sections.flatMap((s) => s.items);
    expect(used.every((ref) => bank.items.getItem(ref.itemId)?.stats?.papersPinned === 1)).toBe(
      true,
    );
    expect(bank.items.getMeta(used[0]!.itemId)?.versionSealed).toBe(true);

    const source = repository.loadSource(blueprint.standard, 3, 1);
    expect(source.recentlyUsed).toEqual(new Set(used.map((ref) => ref.itemId)));
    const second = assemblePapers(blueprint, source, solver, { seed: 2 });
    if (!second.ok) throw new Error(second.problems.map((p) => p.message).join('\n'));
    const again = new Set(
      second.forms[0]!.paper.sections.flatMap((s) => s.items.map((i) => i.itemId)),
    );
    expect(used.filter((ref) => again.has(ref.itemId))).toEqual([]);

    // A paper id that exists refuses the whole run and changes nothing.
    expect(() =>
      recordPapers(repository, bank.items, [record], L3_STANDARD_ID, 'admin', bank.clock()),
    ).toThrow(/已在题库中登记过/);
    expect(repository.listPapers()).toHaveLength(1);
    bank.close();
  });

  it('maxExposure leaves out items already in k papers; an exhausted bank is reported', () => {
    const bank = bankWithItems();
    const repository = createAssemblyRepository(bank.db, bank.standards);
    const blueprint = BlueprintSchema.parse(level3BlueprintJson({ exposure: { maxExposure: 1 } }));
    const outcomes: boolean[] = [];
    const seen = new Set<string>();
    for (let seed = 1; seed <= 10; seed += 1) {
      const result = assemblePapers(
        blueprint,
        repository.loadSource(blueprint.standard, 3, 0),
        solver,
        {
          seed,
        },
      );
      outcomes.push(result.ok);
      if (!result.ok) {
        expect(result.problems[0]?.message).toMatch(/曝光次数已达上限/);
        break;
      }
      const record = toPaperRecord(result.forms[0]!, {
        blueprint,
        seed,
        formCount: 1,
        maxOverlap: 0.15,
        assembledAt: bank.clock(),
      });
      recordPapers(repository, bank.items, [record], L3_STANDARD_ID, 'admin', bank.clock());
      for (const ref of record.paper.sections.flatMap((s) => s.items)) {
        expect(seen.has(ref.itemId)).toBe(false);
        seen.add(ref.itemId);
      }
    }
    // Each item is usable once: some papers, then the bank runs dry and says why.
    expect(outcomes.slice(0, 2)).toEqual([true, true]);
    expect(outcomes.at(-1)).toBe(false);
    bank.close();
  });
});
