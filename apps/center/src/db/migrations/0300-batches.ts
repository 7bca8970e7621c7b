import type { CenterMigration } from '../migration';

/*
 * 认定批次: an organisation's batch of candidates for one occupation and level, with each
 * candidate's theory score (from an ingested theory result, on a 100-point scale), skills (实操)
 * score and, for 技师/高级技师, 综合评审 score, and the outcome under the batch's pass rule.
 * Four-eyes: the person who submits is recorded, and the approver must be someone else (the
 * check constraint backs up the service). A submitted or approved batch's candidates are frozen by
 * a trigger (docs/center-batches.md).
 */
export const migration: CenterMigration = {
  version: 300,
  name: 'batches',
  sql: `
    CREATE TABLE batches (
      id text PRIMARY KEY,
      organisation_id text NOT NULL REFERENCES organisations (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      occupation_code text NOT NULL CHECK (occupation_code ~ '^[0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2}$'),
      occupation_name text NOT NULL CHECK (length(occupation_name) BETWEEN 1 AND 100),
      level int NOT NULL CHECK (level BETWEEN 1 AND 5),
      pass_rule jsonb NOT NULL,
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL,
      submitted_by text,
      submitted_at timestamptz,
      approved_by text,
      approved_at timestamptz,
      returned_by text,
      returned_at timestamptz,
      return_reason text,
      -- staff ids who created the batch or changed its candidates or scores: none may approve it
      makers jsonb NOT NULL DEFAULT '[]',
      CHECK (approved_by IS NULL OR (submitted_by IS NOT NULL AND approved_by <> submitted_by)),
      CHECK (status <> 'approved' OR approved_by IS NOT NULL)
    );
    CREATE INDEX batches_by_organisation ON batches (organisation_id, created_at);

    CREATE TABLE batch_candidates (
      id bigserial PRIMARY KEY,
      batch_id text NOT NULL REFERENCES batches (id),
      id_number text NOT NULL,
      name text NOT NULL,
      theory_result_id bigint, -- theory_results.id (ingest); results are never deleted
      theory_score numeric(5, 2) CHECK (theory_score BETWEEN 0 AND 100),
      skills_score numeric(5, 2) CHECK (skills_score BETWEEN 0 AND 100),
      review_score numeric(5, 2) CHECK (review_score BETWEEN 0 AND 100),
      outcome text NOT NULL DEFAULT 'incomplete' CHECK (outcome IN ('pass', 'fail', 'incomplete')),
      UNIQUE (batch_id, id_number)
    );
    CREATE INDEX batch_candidates_by_theory_result ON batch_candidates (theory_result_id);

    -- A submitted or approved batch's candidates are frozen, whatever code runs.
    CREATE FUNCTION batch_candidates_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      batch_status text;
    BEGIN
      SELECT status INTO batch_status FROM batches
        WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.batch_id ELSE NEW.batch_id END);
      IF batch_status IN ('submitted', 'approved') THEN
        RAISE EXCEPTION 'batch % is %: its candidates cannot change', 
          (CASE WHEN TG_OP = 'DELETE' THEN OLD.batch_id ELSE NEW.batch_id END), batch_status
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END;
    $$;
    CREATE TRIGGER batch_candidates_frozen
      BEFORE INSERT OR UPDATE OR DELETE ON batch_candidates
      FOR EACH ROW EXECUTE FUNCTION batch_candidates_frozen();
  `,
};
