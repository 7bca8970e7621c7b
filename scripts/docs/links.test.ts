import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  citesOutsideDesign,
  docPaths,
  markdownAnchors,
  markdownLinks,
  namesAnIssue,
  sourceComments,
} from './doc-references';

/*
 * Every link in the documentation and every documentation path in a source comment resolves
 * inside this repository, and no comment sends the reader to design notes that are not here or
 * to a tracker issue (docs/decisions/0801-docs-resolve-inside-the-repository.md).
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP = new Set(['node_modules', '.git', '.tsbuild', 'dist', 'test-results', 'coverage']);
const SOURCE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;

function walk(dir: string, keep: (path: string) => boolean, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('playwright-report')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, keep, found);
    else if (keep(path)) found.push(path);
  }
  return found;
}

const markdownFiles = [
  join(root, 'README.md'),
  ...walk(join(root, 'docs'), (p) => p.endsWith('.md')),
];
const sourceFiles = ['apps', 'packages', 'scripts', 'eslint']
  .flatMap((folder) => walk(join(root, folder), (p) => SOURCE.test(p)))
  .concat(
    readdirSync(root)
      .filter((name) => SOURCE.test(name))
      .map((name) => join(root, name)),
  );

const anchorsOf = new Map<string, Set<string>>();
function anchors(file: string): Set<string> {
  const known = anchorsOf.get(file);
  if (known) return known;
  const found = markdownAnchors(readFileSync(file, 'utf8'));
  anchorsOf.set(file, found);
  return found;
}

/** Why `target` (a path with an optional #anchor, relative to `base`) does not resolve, if it does not. */
function brokenReason(base: string, target: string): string | undefined {
  const [pathPart = '', anchor] = target.split('#', 2);
  const path = pathPart === '' ? undefined : resolve(base, decodeURI(pathPart));
  if (path !== undefined && !path.startsWith(root)) return 'points outside the repository';
  if (path !== undefined && !existsSync(path)) {
    // `docs/decisions/0223` names a decision by its number.
    const siblings = existsSync(dirname(path)) ? readdirSync(dirname(path)) : [];
    const name = relative(dirname(path), path);
    if (!siblings.some((entry) => entry.startsWith(`${name}-`) || entry === `${name}.md`)) {
      return 'no such file';
    }
    return undefined;
  }
  if (anchor === undefined || anchor === '') return undefined;
  if (path !== undefined && (statSync(path).isDirectory() || !path.endsWith('.md')))
    return undefined;
  return anchors(path ?? '').has(anchor) ? undefined : `no heading #${anchor}`;
}

describe('documentation links', () => {
  it('finds the documentation and the sources it checks', () => {
    expect(markdownFiles.length).toBeGreaterThan(50);
    expect(sourceFiles.length).toBeGreaterThan(500);
  });

  it('every relative link in README.md and docs/**/*.md resolves inside the repository', () => {
    const broken: string[] = [];
    for (const file of markdownFiles) {
      const text = readFileSync(file, 'utf8');
      for (const { line, target } of markdownLinks(text)) {
        const reason = target.startsWith('#')
          ? anchors(file).has(target.slice(1))
            ? undefined
            : `no heading ${target}`
          : brokenReason(dirname(file), target);
        if (reason) broken.push(`${relative(root, file)}:${line} ${target}: ${reason}`);
      }
      for (const path of docPaths(text)) {
        const reason = brokenReason(root, path);
        if (reason) broken.push(`${relative(root, file)}: ${path}: ${reason}`);
      }
      if (citesOutsideDesign(text))
        broken.push(`${relative(root, file)}: cites a design file outside the repository`);
    }
    expect(broken).toEqual([]);
  });

  it('every docs/ path a source comment names exists', () => {
    const broken: string[] = [];
    for (const file of sourceFiles) {
      for (const { line, text } of sourceComments(readFileSync(file, 'utf8'))) {
        for (const path of docPaths(text)) {
          const reason = brokenReason(root, path);
          if (reason) broken.push(`${relative(root, file)}:${line} ${path}: ${reason}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('no source file cites design notes that are not in this repository', () => {
    const citing = sourceFiles
      .filter((file) => citesOutsideDesign(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(citing).toEqual([]);
  });

  it('no comment names a tracker issue instead of saying what the code does', () => {
    const naming: string[] = [];
    for (const file of sourceFiles) {
      for (const { line, text } of sourceComments(readFileSync(file, 'utf8'))) {
        if (namesAnIssue(text)) naming.push(`${relative(root, file)}:${line}`);
      }
    }
    expect(naming).toEqual([]);
  });
});
