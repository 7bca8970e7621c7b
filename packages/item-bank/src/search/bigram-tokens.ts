import { wordRuns } from './normalize-text';

/*
 * The short-query index. A trigram index cannot answer one- or two-character queries (FTS5
 * returns nothing for them), yet 电缆 and 接地 are the most common Chinese searches. So each
 * item's normalized text is also written as overlapping BIGRAM tokens into a second,
 * contentless FTS5 table (tokenizer `ascii`, which keeps non-ASCII characters inside tokens):
 *
 *   "电缆接地" → "电缆 缆接 接地 地"
 *
 * The last character of every run is emitted alone as well, so that every occurrence of a
 * character starts some token: a two-character query is one token lookup ("电缆"), a
 * one-character query is a prefix query ("电"*).
 */
export function bigramTokens(normalized: string): string {
  const tokens: string[] = [];
  for (const run of wordRuns(normalized)) {
    const chars = Array.from(run);
    for (let index = 0; index < chars.length - 1; index += 1) {
      tokens.push(`${chars[index] ?? ''}${chars[index + 1] ?? ''}`);
    }
    const last = chars.at(-1);
    if (last !== undefined) tokens.push(last);
  }
  return tokens.join(' ');
}

/*
 * Filter facets ride along in the same document as extra tokens, so a filtered search is one
 * FTS query that intersects posting lists instead of visiting every matching item row. They
 * start with "§", which no bigram token can contain (it is not a letter or digit) and which the
 * `ascii` tokenizer keeps inside the token; numbers are indexes into the enums below.
 */
export const FACET_MARK = '§';
const FACET_TYPES = [
  'true_false',
  'single_choice',
  'multiple_choice',
  'fill_blank',
  'short_answer',
] as const;
const FACET_STATUSES = ['draft', 'in_review', 'approved', 'rejected', 'retired'] as const;

export interface SearchFacets {
  readonly type: string;
  readonly level: number;
  readonly status: string;
  readonly difficulty: number;
  /** Where the item sits: its 鉴定点 id and that point's standard and range path. */
  readonly standardId: string;
  readonly rangePath: string;
  readonly pointId: string;
}

function hex(value: string): string {
  return Array.from(new TextEncoder().encode(value), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

export const facetToken = {
  type: (type: string) => `${FACET_MARK}t${FACET_TYPES.indexOf(type as 'true_false')}`,
  level: (level: number) => `${FACET_MARK}l${level}`,
  status: (status: string) => `${FACET_MARK}s${FACET_STATUSES.indexOf(status as 'draft')}`,
  difficulty: (difficulty: number) => `${FACET_MARK}d${difficulty}`,
  /** A standard, 鉴定范围 or 鉴定点 id (ids contain separators, so they are hex-encoded). */
  scope: (id: string) => `${FACET_MARK}n${hex(id)}`,
};

/** The standard, every enclosing 鉴定范围 (so a range filter includes its descendants), the point. */
export function scopeIds(facets: Pick<SearchFacets, 'standardId' | 'rangePath' | 'pointId'>) {
  const segments = facets.rangePath.split('-');
  return [
    facets.standardId,
    ...segments.map((_, index) => `${facets.standardId}:${segments.slice(0, index + 1).join('-')}`),
    facets.pointId,
  ];
}

/** What is written to the bigram index for one item: its bigrams and its facet tokens. */
export function bigramDocument(normalized: string, facets: SearchFacets): string {
  return [
    bigramTokens(normalized),
    facetToken.type(facets.type),
    facetToken.level(facets.level),
    facetToken.status(facets.status),
    facetToken.difficulty(facets.difficulty),
    ...scopeIds(facets).map(facetToken.scope),
  ].join(' ');
}
