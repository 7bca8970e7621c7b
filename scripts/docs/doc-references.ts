/*
 * What a document or a source file points at, read from its text alone (no file system here):
 * Markdown links, the heading anchors a Markdown file offers, and the `docs/…` paths and
 * outside-repository design files that source comments name. scripts/docs/links.test.ts checks
 * that every one of them resolves inside the repository.
 */

/** A Markdown link target that is a file or an anchor of this repository (not a URL). */
export interface MarkdownLink {
  readonly line: number;
  readonly target: string;
}

const FENCE = /^\s*(```|~~~)/;
const LINK = /!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let fenced = false;
  markdown.split('\n').forEach((text, index) => {
    if (FENCE.test(text)) {
      fenced = !fenced;
      return;
    }
    if (!fenced) lines.push({ line: index + 1, text: text.replace(/`[^`]*`/g, '') });
  });
  return lines;
}

/** Relative links and anchors of a Markdown file; URLs (https:, mailto:) are left out. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { line, text } of proseLines(markdown)) {
    for (const match of text.matchAll(LINK)) {
      const target = match[1] ?? '';
      if (target !== '' && !EXTERNAL.test(target)) links.push({ line, target });
    }
  }
  return links;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces become hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a Markdown file offers, repeated headings numbered as GitHub does (-1, -2 …). */
export function markdownAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const text of markdown.split('\n')) {
    if (FENCE.test(text)) fenced = !fenced;
    const heading = fenced ? undefined : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text)?.[1];
    if (heading === undefined) continue;
    const slug = headingSlug(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** The comments of a TypeScript or JavaScript file, each with the line it starts on. */
export function sourceComments(source: string): { line: number; text: string }[] {
  const comments: { line: number; text: string }[] = [];
  for (const match of source.matchAll(/\/\*[\s\S]*?\*\/|(?<![:'"`\\])\/\/[^\n]*/g)) {
    const line = source.slice(0, match.index).split('\n').length;
    comments.push({ line, text: match[0] });
  }
  return comments;
}

/** Repository-relative `docs/…` paths a comment names, with an optional `#anchor`. */
export function docPaths(comment: string): string[] {
  const paths = comment.match(/(?<![\w/.-])docs\/[\w./-]*[\w/](?:#[\w-]+)?/g) ?? [];
  return paths.map((path) => path.replace(/\.$/, ''));
}

const OUTSIDE_DESIGN_FILES = new RegExp(`\\b(?:${['DESIGN', 'CONVENTIONS'].join('|')})\\.md\\b`);

/** Whether a text cites the design notes that live outside this repository. */
export function citesOutsideDesign(text: string): boolean {
  return OUTSIDE_DESIGN_FILES.test(text);
}

/** Whether a comment names a tracker issue by its number instead of saying what and why. */
export function namesAnIssue(comment: string): boolean {
  return /\b[Ii]ssues? #?\d+/.test(comment);
}
