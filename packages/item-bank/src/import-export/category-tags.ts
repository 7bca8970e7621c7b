import { TagSchema } from '@skillexam/shared';

/*
 * A Moodle/GIFT category path (`$course$/top/电工/安全用电`) → tags: one per path segment,
 * without the system prefixes, each trimmed to the tag length limit.
 */

const SYSTEM_SEGMENTS = new Set([
  '$course$',
  '$system$',
  '$module$',
  '$cat1$',
  'top',
  '默认',
  'default',
]);

export function categoryTags(path: string): string[] {
  const segments = path
    .trim()
    .split(/(?<!\/)\/(?!\/)/)
    .map((segment) => segment.replace(/\/\//g, '/').trim())
    .filter(
      (segment) =>
        segment !== '' &&
        !SYSTEM_SEGMENTS.has(segment.toLowerCase()) &&
        !segment.startsWith('默认'),
    );
  return [...new Set(segments.map((segment) => segment.slice(0, 50)))].filter(
    (tag) => TagSchema.safeParse(tag).success,
  );
}
