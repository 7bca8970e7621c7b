/*
 * The one SQL helper of the project (docs/decisions/0850-one-sql-helper.md), imported as
 * `@skillexam/shared/sql`. Node only: it is not exported from the package's main index, which
 * browsers load.
 */
export { SqlQuery, sql, sqlId, sqlJoin, sqlList, type SqlValue } from './sql-query';
export {
  execScript,
  queryAll,
  queryOne,
  queryValue,
  run,
  setBeforeCommitHook,
  transaction,
  type ReadableDb,
  type RunResult,
  type WritableDb,
} from './sql-db';
