import { afterAll, beforeAll, describe } from 'vitest';
import type { CenterDb, CenterDbKind } from '../../src/db/center-db';
import {
  openTestStore,
  testStoreKinds,
  type OpenTestStoreOptions,
  type TestStore,
} from './test-stores';

/*
 * Runs a block of tests on every store (docs/center.md, tests):
 *
 *   describeStores('certificates', (getDb, kind) => {
 *     it('numbers in order', async () => { const db = getDb(); … });
 *   });
 *
 * defines `certificates (pglite)` and, when CENTER_TEST_DATABASE_URL is set,
 * `certificates (postgres)`. Each block gets one fresh migrated store, opened before its first
 * test and closed (its database dropped) after its last; the tests of a block share it, so they
 * use their own ids. For a store per test use `openTestStore(kind)` directly.
 */

export { openTestStore, testStoreKinds, type OpenTestStoreOptions, type TestStore };
export { testContext } from './test-context';

/** How long opening a store may take (first run builds the PGlite template: initdb). */
export const STORE_SETUP_TIMEOUT_MS = 120_000;

export function describeStores(
  name: string,
  body: (getDb: () => CenterDb, kind: CenterDbKind) => void,
  options: OpenTestStoreOptions = {},
): void {
  for (const kind of testStoreKinds()) {
    describe(`${name} (${kind})`, () => {
      let store: TestStore | undefined;
      beforeAll(async () => {
        store = await openTestStore(kind, options);
      }, STORE_SETUP_TIMEOUT_MS);
      afterAll(async () => {
        await store?.dispose();
      }, STORE_SETUP_TIMEOUT_MS);
      body(() => {
        if (store === undefined) throw new Error(`the ${kind} test store is not open`);
        return store.db;
      }, kind);
    });
  }
}
