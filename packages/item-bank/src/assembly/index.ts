export type { AssemblySource, AssemblyStore, PoolItem } from './assembly-pool';
export { FAMILY_NAMES, type AssemblyProblem, type ConstraintFamily } from './assembly-problem';
export {
  assemblePapers,
  DEFAULT_MAX_OVERLAP,
  type AssembledForm,
  type AssembleOptions,
  type AssemblyResult,
  type AssemblyTimings,
  type SolverStats,
} from './assemble-papers';
export { buildPaper, formLabel, sectionTitle, SECTION_TITLES } from './build-paper';
export { bandOfP, effectiveP, NOMINAL_P, type DifficultyBand } from './difficulty-bands';
export { diagnoseSupply } from './diagnose-supply';
export { createHighsSolver } from './highs-solver';
export { buildLpModel, type LpModel } from './lp-model';
export type { MipSolution, MipSolveOptions, MipSolver, MipStatus } from './mip-solver';
export {
  blueprintHash,
  PAPER_RECORD_FORMAT,
  PaperRecordSchema,
  toPaperRecord,
  type PaperRecord,
} from './paper-record';
export {
  recordPapers,
  type PaperStore,
  type PinStore,
  type StoredPaperSummary,
} from './paper-store';
export { allocateByLargestRemainder, type RangeQuota } from './range-allocation';
export { resolveBlueprint, type ResolvedBlueprint } from './requirements';
