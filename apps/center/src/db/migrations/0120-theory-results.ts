import type { CenterMigration } from '../migration';

/*
 * 理论成绩: one row per roster entry of an ingested package. `total`, `result` and
 * `item_points` are the centre's own re-derivation from the answers, keys and manual marks,
 * never the site's figures (docs/decisions/1011-results-ingest.md). `current` is false once the
 * package is superseded. `answer_seconds`: first stored answer to submission, as the site
 * reports it (version 3; not re-derivable).
 */
export const migration: CenterMigration = {
  version: 120,
  name: 'theory-results',
  sql: `
    CREATE TABLE theory_results (
      id bigserial PRIMARY KEY,
      package_id text NOT NULL REFERENCES result_packages (id),
      site_id text NOT NULL REFERENCES sites (id),
      session_id text NOT NULL,
      exam_id text NOT NULL,
      occupation_and_level text NOT NULL,
      admission_ticket text NOT NULL,
      name text NOT NULL,
      id_number text NOT NULL,
      room_name text NOT NULL,
      seat int NOT NULL,
      status text NOT NULL CHECK (status IN ('normal', 'absent', 'voided')),
      total numeric,
      full_marks numeric NOT NULL,
      result text CHECK (result IN ('pass', 'fail', 'pending')),
      answers jsonb,
      item_points jsonb,
      answer_seconds numeric CHECK (answer_seconds >= 0),
      current boolean NOT NULL DEFAULT true,
      CHECK ((status = 'normal') = (total IS NOT NULL)),
      CHECK ((total IS NULL) = (result IS NULL)),
      UNIQUE (package_id, admission_ticket)
    );
    CREATE INDEX theory_results_id_number ON theory_results (id_number) WHERE current;
    CREATE INDEX theory_results_exam ON theory_results (exam_id, site_id) WHERE current;
  `,
};
