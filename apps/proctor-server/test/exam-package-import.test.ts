import { generateSigningKeyPair } from '@skillexam/item-bank';
import { afterEach, describe, expect, it } from 'vitest';
import { importExamPackage } from '../src/exams/package-import';
import { trustSigningKey } from '../src/exams/package-keys';
import { openStore, type Store } from '../src/db/store';
import { buildPackage } from './support/exam-package';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

describe('exam package import', () => {
  it('imports a signed package from a trusted key: paper and keys stored, audited', async () => {
    store = openStore(':memory:');
    const { bytes, signer } = await buildPackage(store);
    trustSigningKey(
      store.db,
      store.audit,
      signer.publicKeyPem,
      '省职业技能鉴定中心',
      'test',
      Date.now(),
    );
    const imported = await importExamPackage(store, bytes, 'test', Date.now());
    expect(imported).toMatchObject({ examId: 'exam-pkg-paper', items: 11 });
    const row = store.db
      .prepare('SELECT candidate_paper_json, answer_key_json FROM exams WHERE id = ?')
      .get('exam-pkg-paper') as Record<string, string>;
    expect(JSON.parse(row['answer_key_json']!)).toMatchObject({ passMark: 60 });
    expect(
      store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'exam.import'").get(),
    ).toEqual({ n: 1 });
  });

  it('rejects a tampered package and one signed by an untrusted key, storing nothing', async () => {
    store = openStore(':memory:');
    const { bytes, signer } = await buildPackage(store);
    trustSigningKey(
      store.db,
      store.audit,
      generateSigningKeyPair().publicKeyPem,
      '别的中心',
      'test',
      Date.now(),
    );
    await expect(importExamPackage(store, bytes, 'test', Date.now())).rejects.toThrow(/考试包无效/);
    trustSigningKey(
      store.db,
      store.audit,
      signer.publicKeyPem,
      '省职业技能鉴定中心',
      'test',
      Date.now(),
    );
    const tampered = Uint8Array.from(bytes);
    const index = Math.floor(tampered.length / 2); // inside an encrypted part
    tampered[index] = (tampered[index] ?? 0) ^ 0xff;
    await expect(importExamPackage(store, tampered, 'test', Date.now())).rejects.toThrow(
      /考试包无效/,
    );
    expect(store.db.prepare('SELECT count(*) AS n FROM exams').get()).toEqual({ n: 0 });
  });
});
