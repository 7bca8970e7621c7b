import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHighsSolver } from '../../src/assembly/highs-solver';
import type { MipSolver } from '../../src/assembly/mip-solver';
import type { PaperRecord } from '../../src/assembly/paper-record';
import { createAssemblyRepository } from '../../src/db/assembly-repository';
import { bankContentHash } from '../../src/db/content-hash';
import { openBank, type Bank } from '../../src/db/open-bank';
import { generateServerKeyPair, generateSigningKeyPair } from '../../src/exam-package/key-pairs';
import { openExamPackage } from '../../src/exam-package/read-exam-package';
import type { Actor } from '../../src/workflows/actor';
import { assembleForms, recordForms, type PaperDeps } from '../../src/workflows/assemble-forms';
import { packageForSite } from '../../src/workflows/package-for-site';
import { tempDir } from '../support/fixtures';
import { createLevel3BankFile, level3BlueprintJson } from '../assembly/assembly-bank';

/*
 * 组卷 and 打包 as the workbench and `qbank assemble` / `qbank package` both run them: only a
 * 题库管理员 may; a refusal writes nothing (not even the signing key is read); packaging records
 * the paper once (exposure). A real level-3 电工 bank file and the real HiGHS solver.
 */

const { dir, cleanup } = tempDir();
const writer: Actor = { id: 'zhangsan', name: '张三', roles: ['writer', 'reviewer'] };
const admin: Actor = { id: 'wangwu', name: '王五', roles: ['admin'] };
const signer = generateSigningKeyPair();
const site = generateServerKeyPair();

let bank: Bank;
let deps: PaperDeps;
let solver: MipSolver;

beforeAll(async () => {
  const file = join(dir, '电工三级.qbank');
  createLevel3BankFile(file, { trueFalse: 40, singleChoice: 80, multipleChoice: 24 });
  bank = openBank(file);
  deps = {
    papers: createAssemblyRepository(bank.db, bank.standards),
    items: bank.items,
    clock: bank.clock,
  };
  solver = await createHighsSolver();
}, 60_000);

afterAll(() => {
  bank.close();
  cleanup();
});

const request = { blueprint: level3BlueprintJson(), seed: 7, forms: 2, timeLimitSeconds: 60 };

function assembled(): PaperRecord[] {
  const result = assembleForms(deps, admin, request, solver);
  if (!result.ok) throw new Error(`assembly failed: ${result.result.stage}`);
  return result.records;
}

describe('assembling forms', () => {
  it('needs a 题库管理员; a refusal solves and records nothing', () => {
    const before = bankContentHash(bank.db);
    expect(() => assembleForms(deps, writer, request, solver)).toThrow(
      '张三（zhangsan）没有此操作的权限，需要：题库管理员',
    );
    expect(() => recordForms(deps, writer, [])).toThrow(/需要：题库管理员/);
    expect(bankContentHash(bank.db)).toBe(before);
  });

  it('names every problem of a bad blueprint', () => {
    expect(() =>
      assembleForms(deps, admin, { ...request, blueprint: { title: '电工（三级）' } }, solver),
    ).toThrow(/^组卷方案有误：/);
  });

  it('gives verified paper records, the same for the same seed, and writes nothing itself', () => {
    const before = bankContentHash(bank.db);
    const records = assembled();
    expect(records.map((r) => r.form)).toEqual(['A', 'B']);
    for (const record of records) {
      expect(record.checks.every((check) => check.ok)).toBe(true);
      expect(record.paper.sections.flatMap((s) => s.items)).toHaveLength(35);
    }
    expect(assembled().map((r) => r.paper.sections)).toEqual(records.map((r) => r.paper.sections));
    expect(bankContentHash(bank.db)).toBe(before);
  });
});

describe('packaging for a site', () => {
  it('needs a 题库管理员 and reads no signing key before that', async () => {
    const [record] = assembled();
    if (record === undefined) throw new Error('no form');
    let keyRead = false;
    const readSigningKey = () => {
      keyRead = true;
      return signer.privateKeyPem;
    };
    const input = { record, readSigningKey, recipientPublicKeyPem: site.publicKeyPem };
    await expect(packageForSite(deps, writer, input)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '张三（zhangsan）没有此操作的权限，需要：题库管理员',
    });
    await expect(
      packageForSite(deps, admin, { ...input, recipientPublicKeyPem: signer.publicKeyPem }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('考点公钥无效'),
    });
    expect(keyRead).toBe(false);
    expect(deps.papers.hasPaper(record.paper.id)).toBe(false);
  });

  it('writes a package the site opens, and records the paper once', async () => {
    const [first, second] = assembled();
    if (first === undefined || second === undefined) throw new Error('no forms');
    const input = {
      record: first,
      readSigningKey: () => signer.privateKeyPem,
      recipientPublicKeyPem: site.publicKeyPem,
    };
    const made = await packageForSite(deps, admin, input);
    expect(made.newlyRecorded).toBe(true);
    const opened = await openExamPackage(made.bytes, {
      trustedSigningKeys: [signer.publicKeyPem],
      serverPrivateKeyPem: site.privateKeyPem,
    });
    expect(opened.candidatePaper.paperId).toBe(first.paper.id);
    expect(opened.candidatePaper.sections.flatMap((s) => s.items)).toHaveLength(35);
    const { papers } = deps;
    expect(papers.hasPaper(first.paper.id)).toBe(true);
    expect(papers.getPaperRecord(first.paper.id)?.paper.id).toBe(first.paper.id);

    expect((await packageForSite(deps, admin, input)).newlyRecorded).toBe(false);
    expect(recordForms(deps, admin, [first, second], { onlyNew: true })).toEqual([second]);
    expect(() => recordForms(deps, admin, [second])).toThrow(/已在题库中登记过/);
  });
});
