import { CodedError } from '@skillexam/shared';
import type { CenterRoute } from './center-route';

/*
 * Matches `METHOD /path` against the registered routes. A `:name` segment matches one non-empty
 * path segment (percent-decoded); a literal segment wins over a parameter at the same place, so
 * `/api/staff/me` and `/api/staff/:id` can live side by side. Two routes with the same method
 * and shape are refused at start-up.
 */

interface CompiledRoute {
  readonly route: CenterRoute;
  readonly segments: readonly string[];
  /** For ordering: literal segments first, position by position. */
  readonly rank: string;
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly route: CenterRoute; readonly params: Record<string, string> }
  | { readonly kind: 'wrong-method' }
  | { readonly kind: 'none' };

/** Server-rendered public pages outside /api (the certificate lookup). */
export function isPagePath(pathname: string): boolean {
  return pathname === '/verify' || pathname.startsWith('/verify/');
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

export class RouteTable {
  readonly #routes: CompiledRoute[] = [];

  constructor(routes: readonly CenterRoute[]) {
    const seen = new Set<string>();
    for (const route of routes) {
      if (
        !route.path.startsWith('/api/') &&
        !(route.roles === 'public' && isPagePath(route.path))
      ) {
        throw new Error(
          `route ${route.method} ${route.path}: paths start with /api/ (public pages: /verify)`,
        );
      }
      const segments = split(route.path);
      const shape = `${route.method} /${segments.map((s) => (s.startsWith(':') ? ':' : s)).join('/')}`;
      if (seen.has(shape))
        throw new Error(`路由重复注册 (route registered twice): ${route.method} ${route.path}`);
      seen.add(shape);
      const rank = segments.map((s) => (s.startsWith(':') ? '1' : '0')).join('');
      this.#routes.push({ route, segments, rank });
    }
    this.#routes.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  }

  get routes(): readonly CenterRoute[] {
    return this.#routes.map((compiled) => compiled.route);
  }

  match(method: string, pathname: string): RouteMatch {
    const parts = split(pathname);
    let pathKnown = false;
    for (const compiled of this.#routes) {
      const params = matchSegments(compiled.segments, parts);
      if (params === undefined) continue;
      if (compiled.route.method === method) return { kind: 'found', route: compiled.route, params };
      pathKnown = true;
    }
    return pathKnown ? { kind: 'wrong-method' } : { kind: 'none' };
  }
}

function matchSegments(
  pattern: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const expected = pattern[index] ?? '';
    const actual = parts[index] ?? '';
    if (expected.startsWith(':')) {
      params[expected.slice(1)] = decodeSegment(actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new CodedError('BAD_REQUEST', `路径参数编码无效 (malformed path segment ${segment})`);
  }
}
