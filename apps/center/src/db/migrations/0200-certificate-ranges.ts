import type { CenterMigration } from '../migration';

/*
 * 证书编号号段: the provincial centre hands each organisation serial intervals under a 16-character
 * prefix (kind + 评价机构代码 + province + 站点序列码 + year + level), in filing order
 * (docs/decisions/1021-number-ranges-in-filing-order.md). An organisation asks for a range
 * (a request), a centre_admin allocates it; ranges under one prefix never overlap — the
 * service hands them out one after another, and the trigger here refuses an overlap whatever
 * wrote it. `next_serial` is the issuing counter, locked row by row when numbers are issued.
 */
export const migration: CenterMigration = {
  version: 200,
  name: 'certificate-ranges',
  sql: `
    CREATE TABLE certificate_range_requests (
      id bigserial PRIMARY KEY,
      organisation_id text NOT NULL REFERENCES organisations (id),
      site_serial char(6) NOT NULL CHECK (site_serial ~ '^[0-9]{6}$'),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2099),
      level int NOT NULL CHECK (level BETWEEN 1 AND 5),
      size int NOT NULL CHECK (size BETWEEN 1 AND 999999),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'allocated', 'refused')),
      requested_by text NOT NULL,
      requested_at timestamptz NOT NULL,
      decided_by text,
      decided_at timestamptz,
      refusal_reason text,
      CHECK ((status = 'pending') = (decided_by IS NULL))
    );
    CREATE INDEX certificate_range_requests_pending
      ON certificate_range_requests (year, requested_at) WHERE status = 'pending';

    CREATE TABLE certificate_ranges (
      id bigserial PRIMARY KEY,
      organisation_id text NOT NULL REFERENCES organisations (id),
      request_id bigint UNIQUE REFERENCES certificate_range_requests (id),
      prefix char(16) NOT NULL,
      site_serial char(6) NOT NULL,
      year int NOT NULL CHECK (year BETWEEN 2000 AND 2099),
      level int NOT NULL CHECK (level BETWEEN 1 AND 5),
      first_serial int NOT NULL,
      last_serial int NOT NULL,
      next_serial int NOT NULL,
      allocated_by text NOT NULL,
      allocated_at timestamptz NOT NULL,
      CHECK (prefix ~ '^[YS][0-9]{4}[0-9]{2}[0-9]{6}[0-9]{2}[1-5]$'),
      CHECK (substr(prefix, 8, 6) = site_serial),
      CHECK (substr(prefix, 14, 2) = lpad((year % 100)::text, 2, '0')),
      CHECK (substr(prefix, 16, 1) = level::text),
      CHECK (1 <= first_serial AND first_serial <= last_serial AND last_serial <= 999999),
      CHECK (first_serial <= next_serial AND next_serial <= last_serial + 1),
      UNIQUE (prefix, first_serial)
    );
    CREATE INDEX certificate_ranges_for_issuing
      ON certificate_ranges (organisation_id, year, level, first_serial);

    CREATE FUNCTION certificate_ranges_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('certificate_ranges:' || NEW.prefix));
      IF EXISTS (
        SELECT 1 FROM certificate_ranges r
        WHERE r.prefix = NEW.prefix
          AND r.first_serial <= NEW.last_serial AND NEW.first_serial <= r.last_serial
      ) THEN
        RAISE EXCEPTION 'certificate range % %-% overlaps an existing range',
          NEW.prefix, NEW.first_serial, NEW.last_serial USING ERRCODE = '23P01';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER certificate_ranges_no_overlap BEFORE INSERT ON certificate_ranges
      FOR EACH ROW EXECUTE FUNCTION certificate_ranges_no_overlap();

    CREATE FUNCTION certificate_ranges_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'a certificate range keeps its prefix, interval and organisation'
        USING ERRCODE = '23514';
    END $$;
    CREATE TRIGGER certificate_ranges_fixed
      BEFORE UPDATE OF organisation_id, prefix, first_serial, last_serial ON certificate_ranges
      FOR EACH ROW EXECUTE FUNCTION certificate_ranges_fixed();
    CREATE TRIGGER certificate_ranges_kept BEFORE DELETE ON certificate_ranges
      FOR EACH ROW EXECUTE FUNCTION certificate_ranges_fixed();
  `,
};
