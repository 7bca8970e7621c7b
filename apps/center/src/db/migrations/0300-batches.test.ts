import { describe, expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { addOrganisation, addStaff } from '../../../test/batches/support/centre-fixtures';

describe('migration 0300 batches', () => {
  describeStores('batches and batch_candidates', (getDb) => {
    async function newBatch(status = 'draft'): Promise<string> {
      const db = getDb();
      const organisationId = await addOrganisation(db);
      const maker = await addStaff(db, 'org_staff', organisationId);
      const id = `B-${Math.random().toString(36).slice(2)}`;
      await db.query(
        `INSERT INTO batches (id, organisation_id, name, occupation_code, occupation_name, level,
           pass_rule, created_by, created_at)
         VALUES ($1, $2, '第一批', '6-31-01-03', '电工', 3, '{"theory":60,"skills":60,"review":60}', $3, now())`,
        [id, organisationId, maker.staffId],
      );
      if (status !== 'draft')
        await db.query(`UPDATE batches SET status = $2, submitted_by = 'a' WHERE id = $1`, [
          id,
          status,
        ]);
      return id;
    }

    it('creates both tables with their checks', { timeout: 60_000 }, async () => {
      const db = getDb();
      const id = await newBatch();
      const [row] = await db.query<{ status: string; makers: unknown }>(
        `SELECT status, makers FROM batches WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({ status: 'draft', makers: [] });
      await db.query(
        `INSERT INTO batch_candidates (batch_id, id_number, name, theory_score) VALUES ($1, 'X', '张三', 75.5)`,
        [id],
      );
      const [candidate] = await db.query(
        `SELECT theory_score, outcome FROM batch_candidates WHERE batch_id = $1`,
        [id],
      );
      expect(candidate).toEqual({ theory_score: 75.5, outcome: 'incomplete' });
      await expect(
        db.query(
          `INSERT INTO batch_candidates (batch_id, id_number, name, skills_score) VALUES ($1, 'Y', '李四', 100.5)`,
          [id],
        ),
      ).rejects.toThrow(/check/i);
      await expect(
        db.query(
          `INSERT INTO batch_candidates (batch_id, id_number, name) VALUES ($1, 'X', '张三')`,
          [id],
        ),
      ).rejects.toThrow(/unique|duplicate/i);
      await expect(
        db.query(
          `INSERT INTO batch_candidates (batch_id, id_number, name) VALUES ('nope', 'Z', '王五')`,
        ),
      ).rejects.toThrow(/foreign key/i);
    });

    it('refuses an approver who is the submitter', { timeout: 60_000 }, async () => {
      const db = getDb();
      const id = await newBatch('submitted');
      await expect(
        db.query(`UPDATE batches SET status = 'approved', approved_by = 'a' WHERE id = $1`, [id]),
      ).rejects.toThrow(/check/i);
      await db.query(`UPDATE batches SET status = 'approved', approved_by = 'b' WHERE id = $1`, [
        id,
      ]);
    });

    it('freezes the candidates of a submitted or approved batch', { timeout: 60_000 }, async () => {
      const db = getDb();
      const id = await newBatch();
      await db.query(
        `INSERT INTO batch_candidates (batch_id, id_number, name) VALUES ($1, 'X', '张三')`,
        [id],
      );
      await db.query(`UPDATE batches SET status = 'submitted', submitted_by = 'a' WHERE id = $1`, [
        id,
      ]);
      await expect(
        db.query(`UPDATE batch_candidates SET skills_score = 90 WHERE batch_id = $1`, [id]),
      ).rejects.toThrow(/cannot change/);
      await db.query(`UPDATE batches SET status = 'approved', approved_by = 'b' WHERE id = $1`, [
        id,
      ]);
      await expect(
        db.query(`DELETE FROM batch_candidates WHERE batch_id = $1`, [id]),
      ).rejects.toThrow(/cannot change/);
      await expect(
        db.query(
          `INSERT INTO batch_candidates (batch_id, id_number, name) VALUES ($1, 'Y', '李四')`,
          [id],
        ),
      ).rejects.toThrow(/cannot change/);
    });
  });
});
