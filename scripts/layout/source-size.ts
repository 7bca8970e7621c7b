// Measures the size limits of docs/decisions/0830: lines per source file and per
// top-level React component. Pure reading of files; the test decides what passes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

export const MAX_FILE_LINES = 400;
export const MAX_COMPONENT_LINES = 200;
export const MAX_MEDIAN_FILE_LINES = 100;

/** Source roots, relative to the repository root. Tests, fixtures, benches and e2e specs live elsewhere. */
const SOURCE_ROOTS = ['packages', 'apps'];

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  readonly path: string;
  readonly lines: number;
}

export interface ComponentSize {
  readonly path: string;
  readonly name: string;
  readonly lines: number;
}

const isSource = (name: string): boolean =>
  /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts');

function walk(dir: string, found: string[]): void {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, found);
    else if (isSource(entry)) found.push(full);
  }
}

/** Every runtime source file: `packages/<p>/src/**` and `apps/<a>/src/**`, tests excluded. */
export function listSourceFiles(repoRoot: string): string[] {
  const found: string[] = [];
  for (const root of SOURCE_ROOTS) {
    for (const workspace of readdirSync(join(repoRoot, root))) {
      const src = join(repoRoot, root, workspace, 'src');
      if (statSync(src, { throwIfNoEntry: false })?.isDirectory()) walk(src, found);
    }
  }
  return found.sort();
}

const toRepoPath = (repoRoot: string, file: string): string =>
  relative(repoRoot, file).split(sep).join('/');

/** Line count as `wc -l` reports it for a file ending in a newline. */
export function countLines(text: string): number {
  if (text === '') return 0;
  const breaks = text.split('\n').length - 1;
  return text.endsWith('\n') ? breaks : breaks + 1;
}

export function measureFiles(repoRoot: string): SourceFile[] {
  return listSourceFiles(repoRoot).map((file) => ({
    path: toRepoPath(repoRoot, file),
    lines: countLines(readFileSync(file, 'utf8')),
  }));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const isComponentName = (name: string): boolean => /^[A-Z]/.test(name);

function linesOf(source: ts.SourceFile, node: ts.Node): number {
  const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
  const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
  return end - start + 1;
}

/** Top-level function components of a `.tsx` file: `function Name()` or `const Name = (…) =>`. */
export function measureComponents(path: string, text: string): ComponentSize[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const sizes: ComponentSize[] = [];
  for (const statement of source.statements) {
    if (
      ts.isFunctionDeclaration(statement) &&
      statement.name &&
      isComponentName(statement.name.text)
    ) {
      sizes.push({ path, name: statement.name.text, lines: linesOf(source, statement) });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (!ts.isIdentifier(declaration.name) || !isComponentName(declaration.name.text)) continue;
        if (
          init &&
          (ts.isArrowFunction(init) || ts.isFunctionExpression(init) || ts.isCallExpression(init))
        ) {
          sizes.push({ path, name: declaration.name.text, lines: linesOf(source, statement) });
        }
      }
    }
  }
  return sizes;
}

export function measureAllComponents(repoRoot: string): ComponentSize[] {
  return listSourceFiles(repoRoot)
    .filter((file) => file.endsWith('.tsx'))
    .flatMap((file) => measureComponents(toRepoPath(repoRoot, file), readFileSync(file, 'utf8')));
}
