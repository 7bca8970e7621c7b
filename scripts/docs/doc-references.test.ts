import { describe, expect, it } from 'vitest';
import {
  citesOutsideDesign,
  docPaths,
  headingSlug,
  markdownAnchors,
  markdownLinks,
  namesAnIssue,
  sourceComments,
} from './doc-references';

describe('doc references', () => {
  it('reads relative links and leaves URLs, inline code and fenced code alone', () => {
    const markdown = [
      '# 题库',
      'See [the map](architecture.md#map) and [0800](decisions/0800-x.md), ![shot](screenshots/a.png).',
      'Online: [Slate](https://docs.slatejs.org) · `[not](a-link.md)` · [here](#题库)',
      '```',
      '[inside](fence.md)',
      '```',
    ].join('\n');
    expect(markdownLinks(markdown)).toEqual([
      { line: 2, target: 'architecture.md#map' },
      { line: 2, target: 'decisions/0800-x.md' },
      { line: 2, target: 'screenshots/a.png' },
      { line: 3, target: '#题库' },
    ]);
  });

  it('makes GitHub heading anchors, Chinese included, repeated headings numbered', () => {
    expect(headingSlug('The desktop bridge (`window.desktop`)')).toBe(
      'the-desktop-bridge-windowdesktop',
    );
    expect(headingSlug('3. Candidate PC lockdown (the part the app cannot do itself)')).toBe(
      '3-candidate-pc-lockdown-the-part-the-app-cannot-do-itself',
    );
    expect(headingSlug('考场情况记录 · 补时')).toBe('考场情况记录--补时');
    expect([...markdownAnchors('# A\n## Notes\n```\n# not a heading\n```\n## Notes\n')]).toEqual([
      'a',
      'notes',
      'notes-1',
    ]);
  });

  it('finds comments, the docs paths they name, outside design files and issue numbers', () => {
    const source = [
      "const url = 'https://example.org/x'; // see docs/architecture.md#the-answer-path.",
      '/* 补时上限 (docs/decisions/0223): capped */',
      "const glob = 'docs/not-a-comment.md';",
    ].join('\n');
    const comments = sourceComments(source);
    expect(comments.map((comment) => comment.line)).toEqual([1, 2]);
    expect(comments.flatMap((comment) => docPaths(comment.text))).toEqual([
      'docs/architecture.md#the-answer-path',
      'docs/decisions/0223',
    ]);
    expect(citesOutsideDesign(`see ${'DESIGN'}.md §6`)).toBe(true);
    expect(citesOutsideDesign('see docs/architecture.md')).toBe(false);
    expect(namesAnIssue('// proctor console (issue 7)')).toBe(true);
    expect(namesAnIssue(' * Issue 14 item 9: capped')).toBe(true);
    expect(namesAnIssue('result.error.issues.map((issue) => issue.message)')).toBe(false);
  });
});
