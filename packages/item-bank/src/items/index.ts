export * from './item-store';
export * from './item-service';
export * from './item-history';
export { readableItemText, searchText, similarityText } from './item-text';
export {
  bigramSet,
  diceSimilarity,
  findSimilar,
  NEAR_DUPLICATE_THRESHOLD,
  type SimilarityMatch,
} from './similarity';
