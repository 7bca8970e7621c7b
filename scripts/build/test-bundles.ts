import { buildApps } from '../build-apps';

/**
 * Vitest global setup (docs/decisions/0722): tests that spawn `qbank` or `proctor-server` run the
 * bins, which run the bundles; this builds them once per test run when any source they are built
 * from changed, so a spawned command is never older than the code under test. In-process tests
 * import the TypeScript sources and need no build.
 */
export default async function buildTestBundles(): Promise<void> {
  const started = performance.now();
  const built = await buildApps(['qbank', 'proctor-server', 'center', 'assembly-worker'], {
    ifStale: true,
  });
  if (built.length > 0) {
    console.log(
      `built ${built.join(', ')} for the tests in ${Math.round(performance.now() - started)} ms`,
    );
  }
}
