import type { CenterMigration } from '../migration';

/*
 * The papers results were scored against, as packages carry them: the answer keys, items and
 * sections, keyed by exam id and the SHA-256 of the canonical keys (the same paper from many
 * sites is stored once). Needed later to merge sites' response files per exam.
 */
export const migration: CenterMigration = {
  version: 130,
  name: 'exam-papers',
  sql: `
    CREATE TABLE exam_papers (
      exam_id text NOT NULL,
      keys_sha256 char(64) NOT NULL CHECK (keys_sha256 ~ '^[0-9a-f]{64}$'),
      title text NOT NULL,
      occupation_and_level text NOT NULL,
      full_marks numeric NOT NULL,
      pass_mark numeric NOT NULL,
      answer_keys jsonb NOT NULL,
      items jsonb NOT NULL,
      sections jsonb NOT NULL,
      first_package_id text NOT NULL REFERENCES result_packages (id),
      PRIMARY KEY (exam_id, keys_sha256)
    );
  `,
};
