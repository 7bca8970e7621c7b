/*
 * What the centre's routes answer, as the UI reads it (dates arrive as ISO strings). The server
 * owns these shapes (apps/center/src/**); the UI mirrors only the fields it shows.
 */

export interface Organisation {
  readonly id: string;
  readonly kind: 'Y' | 'S';
  readonly code: string;
  readonly province: string;
  readonly name: string;
  readonly filedAt: string;
}

export interface Staff {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: 'centre_admin' | 'org_staff' | 'supervisor';
  readonly organisationId: string | null;
  readonly mustChangePassword: boolean;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface NewStaffResult {
  readonly staff: Staff;
  readonly oneTimePassword: string;
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export interface Site {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly siteSerial: string;
  readonly keyId: string;
  readonly enrolledAt: string;
  readonly chainHead: ChainHead | null;
}

export interface ChainAlert {
  readonly detectedAt: string;
  readonly packageSha256: string;
  readonly known: ChainHead;
  readonly claimed: ChainHead;
  readonly detail: string;
}

export interface IngestOutcome {
  readonly status: 'ingested' | 'already_ingested';
  readonly packageId: string;
  readonly sha256: string;
  readonly site: { readonly id: string; readonly name: string };
  readonly sessionId: string;
  readonly examId: string;
  readonly candidates: number;
  readonly chainHead: ChainHead;
  readonly supersedes?: string;
}

export type BatchStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface PassRule {
  readonly theory: number;
  readonly skills: number;
  readonly review: number;
}

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
  readonly createdAt: string;
  readonly submittedBy: string | null;
  readonly submittedAt: string | null;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly returnedBy: string | null;
  readonly returnedAt: string | null;
  readonly returnReason: string | null;
  readonly makers: readonly string[];
}

export type Outcome = 'pass' | 'fail' | 'incomplete';

export interface BatchCandidate {
  readonly id: number;
  readonly idNumber: string;
  readonly name: string;
  readonly theoryScore: number | null;
  readonly skillsScore: number | null;
  readonly reviewScore: number | null;
  readonly outcome: Outcome;
}

export interface BatchDetail {
  readonly batch: Batch;
  readonly candidates: readonly BatchCandidate[];
  readonly summary: {
    readonly candidates: number;
    readonly pass: number;
    readonly fail: number;
    readonly incomplete: number;
  };
}

export interface AddCandidatesReport {
  readonly added: number;
  readonly updated: number;
  readonly skipped: { readonly absent: number; readonly voided: number; readonly older: number };
  readonly pending: number;
}

export interface ImportScoresReport {
  readonly fileName: string;
  readonly rows: number;
  readonly skills: number;
  readonly review: number;
  readonly absent: number;
  readonly columns: Readonly<Record<string, string>>;
  readonly notInSheet: number;
}

/** A row of `GET /api/certificates` (ID number masked by the server). */
export interface FoundCertificate {
  readonly number: string;
  readonly name: string;
  readonly idNumber: string;
  readonly occupationName: string;
  readonly level: number;
  readonly status: 'valid' | 'voided';
  readonly issuedAt: string;
  readonly organisationId: string;
}

export interface CertificateListing {
  readonly total: number;
  readonly certificates: readonly FoundCertificate[];
}

export interface IssuedCertificate {
  readonly number: string;
  readonly name: string;
  readonly batchCandidateId: string;
  readonly lookupUrl: string;
}

export interface RangeRow {
  readonly id: string;
  readonly organisation_id: string;
  readonly prefix: string;
  readonly site_serial: string;
  readonly year: number;
  readonly level: number;
  readonly first_serial: number;
  readonly last_serial: number;
  readonly next_serial: number;
  readonly allocated_by: string;
  readonly allocated_at: string;
}

export interface RangeRequestRow {
  readonly id: string;
  readonly organisation_id: string;
  readonly site_serial: string;
  readonly year: number;
  readonly level: number;
  readonly size: number;
  readonly status: 'pending' | 'allocated' | 'refused';
  readonly requested_by: string;
  readonly requested_at: string;
}

export interface Counts {
  readonly issued: number;
  readonly voided: number;
  readonly valid: number;
}

export interface MonthlyStatistics {
  readonly month: string;
  readonly organisationId: string | null;
  readonly totals: Counts;
  readonly byOccupation: readonly (Counts & { occupationCode: string; occupationName: string })[];
  readonly byLevel: readonly (Counts & { level: number; levelName: string })[];
  readonly bySite: readonly (Counts & {
    organisationId: string;
    organisationName: string;
    siteSerial: string;
  })[];
}

export type Comparison =
  | {
      readonly tested: true;
      readonly z: number;
      readonly p: number;
      readonly flagged: boolean;
      readonly direction: 'higher' | 'lower';
    }
  | { readonly tested: false; readonly reason: string };

export interface SiteReport {
  readonly siteId: string;
  readonly siteName: string;
  readonly n: number;
  readonly passRate: number | null;
  readonly meanScore: number | null;
  readonly sdScore: number | null;
  readonly meanAnswerSeconds: number | null;
  readonly comparisons: {
    readonly passRate: Comparison;
    readonly meanScore: Comparison;
    readonly meanAnswerSeconds: Comparison;
  };
}

export interface OccupationReport {
  readonly occupationAndLevel: string;
  readonly province: {
    readonly n: number;
    readonly passRate: number | null;
    readonly meanScore: number | null;
    readonly meanAnswerSeconds: number | null;
  };
  readonly criticalZ: number;
  readonly sites: readonly SiteReport[];
}

export interface SimilarPair {
  readonly candidates: readonly {
    readonly theoryResultId: number;
    readonly admissionTicket: string;
    readonly name: string;
    readonly seat: number | null;
  }[];
  readonly identicalWrong: readonly {
    readonly number?: number;
    readonly itemId?: string;
    readonly answer: string | null;
    readonly key?: unknown;
  }[];
  readonly expected: number;
  readonly p: number;
  readonly threshold: number;
  readonly packages: readonly {
    readonly sha256: string;
    readonly packageId: string;
    readonly auditUrl: string;
    readonly audit: readonly {
      readonly seq: number;
      readonly action: string;
      readonly at: string;
    }[];
  }[];
}

export interface RoomSimilarity {
  readonly siteId: string;
  readonly sessionId: string;
  readonly examId: string;
  readonly objectiveItems: number;
  readonly examCandidates: number;
  readonly rooms: readonly {
    readonly roomName: string;
    readonly candidates: number;
    readonly pairsTested: number;
    readonly threshold: number;
    readonly flagged: readonly SimilarPair[];
  }[];
}

/** A row of `GET /api/packages` (newest first). */
export interface PackageRow {
  readonly id: string;
  readonly site: { readonly id: string; readonly name: string; readonly organisationId: string };
  readonly sha256: string;
  readonly formatVersion: number;
  readonly session: { readonly id: string; readonly name: string };
  readonly examId: string;
  readonly occupationAndLevel: string;
  readonly receivedAt: string;
  readonly receivedBy: string;
  readonly chainSeq: number;
  readonly candidates: number;
  /** False once a later package of the same session replaced it. */
  readonly current: boolean;
}

export type { AuditHead, AuditVerification } from '@skillexam/shared';
