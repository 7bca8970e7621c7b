export {
  checkPaperAgainstBlueprint,
  type CheckedItemFacts,
  type ConstraintCheck,
  type PaperCheckInput,
} from './check-paper-against-blueprint';
export { parseBlueprintJson, BlueprintFileError } from './read-blueprint';
