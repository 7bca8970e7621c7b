import { createHash } from 'node:crypto';
import { contentBuilders, itemBody, paperAssetHashes } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { getAttempt } from '../../src/attempts/attempt-repository';
import { candidateContent, sniffImageType } from '../../src/content/candidate-content';
import { run, sql } from '@skillexam/shared/sql';
import { openStore, type Store } from '../../src/db/store';
import { ExamCatalog } from '../../src/exams/exam-repository';
import { insertExam } from '../../src/exams/insert-exam';
import { addRoster, createSession } from '../../src/sessions/session-setup';
import { fixturePaper, idNumber } from '../support/exam-fixture';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('candidate content', () => {
  it('carries every image the paper shows, typed by its bytes, and nothing else', () => {
    store = openStore(':memory:');
    const { paper, keys } = fixturePaper('e1');
    const hash = createHash('sha256').update(PNG).digest('hex');
    const unused = createHash('sha256').update('unused').digest('hex');
    const first = paper.sections[0]!.items[0]!;
    paper.sections[0]!.items[0] = {
      ...first,
      stem: itemBody(
        contentBuilders.paragraph(contentBuilders.text('看图判断')),
        contentBuilders.image(hash, '接线图'),
      ),
    };
    insertExam(
      store.db,
      store.audit,
      { id: 'e1', title: paper.title, manifest: {}, candidatePaper: paper, answerKey: keys },
      't',
      1,
    );
    for (const [assetHash, bytes] of [
      [hash, PNG],
      [unused, Buffer.from('unused')],
    ] as const) {
      run(
        store.db,
        sql`INSERT INTO exam_assets (exam_id, asset_hash, bytes) VALUES ('e1', ${assetHash}, ${bytes})`,
      );
    }
    createSession(
      store.db,
      store.audit,
      {
        id: 's1',
        name: '场次',
        examId: 'e1',
        scheduledStart: 10_000_000,
        durationMinutes: 90,
        rules: {},
        rooms: [{ id: 'r1', name: '第一考场', seatCount: 30 }],
      },
      't',
      1,
    );
    const [issued] = addRoster(
      store.db,
      store.audit,
      's1',
      [
        {
          admissionTicketNumber: 'T0001',
          name: '张三',
          idNumber: idNumber(1),
          roomId: 'r1',
          seat: 1,
        },
      ],
      't',
      1,
    );
    const attempt = getAttempt(store.db, issued!.attemptId);
    const content = candidateContent(store.db, new ExamCatalog(store.db), attempt);
    expect(paperAssetHashes(content.paper)).toEqual([hash]);
    expect(content.assets).toEqual({
      [hash]: { mimeType: 'image/png', dataBase64: PNG.toString('base64') },
    });
  });

  it('recognises the image types a paper may hold', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('GIF89a....'))).toBe('image/gif');
    expect(sniffImageType(Buffer.from('<?xml version="1.0"?><svg xmlns="x"/>'))).toBe(
      'image/svg+xml',
    );
    expect(sniffImageType(Buffer.from('hello'))).toBe('application/octet-stream');
  });
});
