export { openBank, type Bank, type OpenBankOptions } from './open-bank';
export { openDatabase, type OpenDatabaseOptions } from './connection';
export { migrateBank, DbFromFutureError, schemaVersion } from './migrate';
export { MIGRATIONS, type Migration } from './migrations/index';
export { bankContentHash, CONTENT_TABLES } from './content-hash';
export type { ReadableDb, WritableDb } from '@skillexam/shared/sql';
export { createAssemblyRepository } from './assembly-repository';
export { createClassificationRepository } from './classification-repository';
