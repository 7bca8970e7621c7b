import {
  toCandidatePaper,
  toPaperAnswerKeys,
  type CandidatePaper,
  type ItemContent,
  type ItemVersionRef,
  type Paper,
  type PaperAnswerKeys,
} from '@skillexam/shared';

/**
 * What a package carries about its paper: the paper (metadata for the manifest), the
 * candidate-visible paper (content.enc, no keys) and the answer keys (keys.enc).
 */
export interface PackagePaper {
  readonly paper: Paper;
  readonly candidatePaper: CandidatePaper;
  readonly answerKeys: PaperAnswerKeys;
}

/** Builds both halves from a paper and the content of its pinned item versions. */
export function buildPackagePaper(
  paper: Paper,
  contentOf: (ref: ItemVersionRef) => ItemContent,
): PackagePaper {
  return {
    paper,
    candidatePaper: toCandidatePaper(paper, contentOf),
    answerKeys: toPaperAnswerKeys(paper, contentOf),
  };
}

/** Problems that make the three views disagree; empty when they describe the same paper. */
export function packagePaperMismatches(input: PackagePaper): string[] {
  const { paper, candidatePaper, answerKeys } = input;
  const problems: string[] = [];
  if (candidatePaper.paperId !== paper.id)
    problems.push(`content paper id ${candidatePaper.paperId} ≠ ${paper.id}`);
  if (answerKeys.paperId !== paper.id)
    problems.push(`answer keys paper id ${answerKeys.paperId} ≠ ${paper.id}`);
  const shown = candidatePaper.sections.flatMap((s) =>
    s.items.map((i) => `${i.number}:${i.itemId}@${i.version}`),
  );
  const keyed = answerKeys.sections.flatMap((s) =>
    s.items.map((i) => `${i.number}:${i.itemId}@${i.version}`),
  );
  const pinned = paper.sections.flatMap((s) => s.items.map((i) => `${i.itemId}@${i.version}`));
  if (shown.join(',') !== keyed.join(','))
    problems.push('content items and answer-key items differ');
  if (keyed.map((k) => k.slice(k.indexOf(':') + 1)).join(',') !== pinned.join(',')) {
    problems.push('answer-key items differ from the paper');
  }
  return problems;
}
