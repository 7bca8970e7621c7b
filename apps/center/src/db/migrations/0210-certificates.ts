import type { CenterMigration } from '../migration';

/*
 * 职业技能等级证书: one row per number ever issued. A number comes from a range's counter and is
 * never reused: rows are never deleted, and the only change allowed is valid → voided with the
 * reason, who and when (docs/decisions/1022-issuing-numbers-without-gaps.md). A batch candidate
 * gets at most one certificate (valid or voided).
 */
export const migration: CenterMigration = {
  version: 210,
  name: 'certificates',
  sql: `
    CREATE TABLE certificates (
      id bigserial PRIMARY KEY,
      number char(22) NOT NULL UNIQUE,
      range_id bigint NOT NULL REFERENCES certificate_ranges (id),
      serial int NOT NULL,
      organisation_id text NOT NULL REFERENCES organisations (id),
      batch_candidate_id bigint,
      id_type text NOT NULL,
      id_number text NOT NULL CHECK (length(id_number) BETWEEN 1 AND 40),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
      occupation_code text NOT NULL,
      occupation_name text NOT NULL,
      job_type text,
      level int NOT NULL CHECK (level BETWEEN 1 AND 5),
      status text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'voided')),
      issued_at timestamptz NOT NULL,
      issued_by text NOT NULL,
      voided_at timestamptz,
      voided_by text,
      void_reason text,
      CHECK (number ~ '^[YS][0-9]{21}$'),
      CHECK (substr(number, 16, 1) = level::text),
      CHECK (substr(number, 17, 6)::int = serial),
      CHECK ((status = 'voided') = (voided_by IS NOT NULL AND voided_at IS NOT NULL
        AND void_reason IS NOT NULL)),
      UNIQUE (range_id, serial)
    );
    CREATE UNIQUE INDEX certificates_one_per_candidate
      ON certificates (batch_candidate_id) WHERE batch_candidate_id IS NOT NULL;
    CREATE INDEX certificates_by_organisation ON certificates (organisation_id, issued_at);
    CREATE INDEX certificates_by_month ON certificates (issued_at);

    CREATE FUNCTION certificates_kept() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'a certificate is never deleted; void it instead' USING ERRCODE = '23514';
      END IF;
      IF OLD.status <> 'valid' OR NEW.status <> 'voided'
        OR (to_jsonb(NEW) - 'status' - 'voided_at' - 'voided_by' - 'void_reason')
          IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'voided_at' - 'voided_by' - 'void_reason')
      THEN
        RAISE EXCEPTION 'a certificate only changes from valid to voided' USING ERRCODE = '23514';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER certificates_kept BEFORE UPDATE OR DELETE ON certificates
      FOR EACH ROW EXECUTE FUNCTION certificates_kept();
  `,
};
