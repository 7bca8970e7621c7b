import { CodedError } from '@skillexam/shared';
import type { PaperRecord } from './paper-record';
import { paperRefs } from './paper-record';

/*
 * Recording assembled papers in the bank: the record, and a pin per item version (which also
 * counts the item's exposure). All forms of a run in one transaction; a paper id that exists
 * already refuses the whole run.
 */

export interface StoredPaperSummary {
  readonly id: string;
  readonly title: string;
  readonly form: string;
  readonly standardId: string;
  readonly level: number;
  readonly blueprintId: string;
  readonly blueprintVersion: number;
  readonly seed: number;
  readonly recordedAt: string;
  readonly itemCount: number;
}

export interface PaperStore {
  transaction<T>(fn: () => T): T;
  hasPaper(id: string): boolean;
  insertPaper(record: PaperRecord, standardId: string, actor: string, at: string): void;
  getPaperRecord(id: string): PaperRecord | undefined;
  listPapers(): StoredPaperSummary[];
}

export interface PinStore {
  sealVersion(itemId: string, version: number): void;
  pinVersion(paperId: string, itemId: string, version: number, at: string): void;
}

export function recordPapers(
  papers: PaperStore,
  pins: PinStore,
  records: readonly PaperRecord[],
  standardId: string,
  actor: string,
  at: string,
): void {
  papers.transaction(() => {
    for (const record of records) {
      if (papers.hasPaper(record.paper.id)) {
        throw new CodedError(
          'CONFLICT',
          `试卷 ${record.paper.id} 已在题库中登记过；请换一个随机种子或试卷编号`,
        );
      }
      papers.insertPaper(record, standardId, actor, at);
      for (const ref of paperRefs(record.paper)) {
        pins.sealVersion(ref.itemId, ref.version);
        pins.pinVersion(record.paper.id, ref.itemId, ref.version, at);
      }
    }
  });
}
