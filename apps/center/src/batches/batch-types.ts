import type { BatchOutcome, PassRule } from './pass-rule';

/* What the batch repository reads and the routes return. */

export type BatchStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface Batch {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly occupationCode: string;
  readonly occupationName: string;
  readonly level: number;
  readonly passRule: PassRule;
  readonly status: BatchStatus;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly submittedBy: string | null;
  readonly submittedAt: Date | null;
  readonly approvedBy: string | null;
  readonly approvedAt: Date | null;
  readonly returnedBy: string | null;
  readonly returnedAt: Date | null;
  readonly returnReason: string | null;
  /** Staff ids who made its content (created it, added candidates, imported scores). */
  readonly makers: readonly string[];
}

export interface BatchCandidate {
  readonly id: number;
  readonly batchId: string;
  readonly idNumber: string;
  readonly name: string;
  readonly theoryResultId: number | null;
  readonly theoryScore: number | null;
  readonly skillsScore: number | null;
  readonly reviewScore: number | null;
  readonly outcome: BatchOutcome;
}

/** An ingested theory result a batch can take its candidates from. */
export interface TheoryResultRow {
  readonly id: number;
  readonly siteId: string;
  readonly sessionId: string;
  readonly examId: string;
  readonly occupationAndLevel: string;
  readonly name: string;
  readonly idNumber: string;
  readonly status: 'normal' | 'absent' | 'voided';
  readonly total: number | null;
  readonly fullMarks: number | null;
  readonly result: 'pass' | 'fail' | 'pending' | null;
}

export interface TheoryResultFilter {
  readonly organisationId: string;
  readonly examId?: string | undefined;
  readonly sessionId?: string | undefined;
  /** Exactly this occupation and level text, as the site's paper writes it. */
  readonly occupationAndLevel?: string | undefined;
  /**
   * Otherwise: texts that start with the occupation name and hold the level's word (`三级`), or
   * are exactly the name with the traditional level name (`电工（高级工）`).
   */
  readonly occupation?: {
    readonly name: string;
    readonly levelWord: string;
    readonly traditional: string;
  };
}
