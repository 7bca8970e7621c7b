export { bankOperator, requireRole, ROLE_NAMES, type Actor } from './actor';
export {
  blueprintSource,
  checkBlueprint,
  parseBlueprint,
  requireBlueprint,
  supplyProblems,
  type BlueprintCheck,
} from './check-blueprint';
export {
  ASSEMBLE_ROLES,
  assembleForms,
  recordForms,
  type AssembleFormsRequest,
  type AssembledForms,
  type PaperDeps,
} from './assemble-forms';
export { packageForSite, type SitePackage, type SitePackageRequest } from './package-for-site';
export { REVIEW_ROLES, reviewManyItems, reviewOneItem, type ReviewRequest } from './review-items';
export { importStandard, STANDARD_ROLES } from './manage-standards';
export { importItemFile, IMPORT_ROLES, type ImportItemFileRequest } from './import-item-file';
export { previewItemFile, type PreviewItemFileRequest } from './preview-item-file';
export { classifyItemsAs, EDIT_ROLES, saveItem, tagItems, type ItemEditResult } from './edit-items';
export {
  describeImport,
  importStatistics,
  IMPORT_STATISTICS_ROLES,
  type ImportStatisticsRequest,
  type ImportStatisticsResult,
  type StatisticsDeps,
} from './import-statistics';
