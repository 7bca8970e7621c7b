/*
 * One migration per file in `./migrations/` (`NNNN-what-it-does.ts`), applied in version order
 * inside one transaction each and recorded in `schema_migrations`. A migration is SQL text only:
 * it imports no live code, so what it does never changes after it shipped.
 */

export interface CenterMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
