import { describe, expect, it } from 'vitest';
import { EMF_STUB, writeWordPaper } from '../../../test/import-export/support/word-paper';
import { readDocxItems } from './docx-reader';

/* Pictures the exam kiosk cannot show (EMF, WMF): reported by alt text, file and question. */

/** The first bytes of a placeable WMF (its key 0x9AC6CDD7); enough for a reader to name it. */
const WMF_STUB = new Uint8Array([0xd7, 0xcd, 0xc6, 0x9a, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('pictures Word papers carry', () => {
  it('names a WMF or EMF picture by alt text and file, under the question it belongs to', async () => {
    const paper = await writeWordPaper({
      pictures: [
        {
          name: 'image1.wmf',
          contentType: 'image/x-wmf',
          bytes: WMF_STUB,
          description: '电机接线',
        },
        { name: 'image2.emf', contentType: 'image/x-emf', bytes: EMF_STUB },
      ],
      blocks: [
        '判断题',
        { numbered: true, runs: ['三相电动机按图接线为星形接法。'] },
        { runs: [{ picture: 'image1.wmf' }] },
        '答案：√',
        { numbered: true, runs: ['图中电能表接线正确。', { picture: 'image2.emf' }] },
        '答案：×',
      ],
    });
    const file = await readDocxItems(paper, 'paper.docx');
    expect(file.items).toEqual([]);
    expect(
      file.issues.map((issue) => [issue.item, issue.field, issue.reason.replace(/；.*（/, '…（')]),
    ).toEqual([
      [
        'paper.docx 判断题 第1题',
        '题干',
        '图片“电机接线”是 WMF 格式（文件 image1.wmf），考试端无法显示，未导入…（第2段）',
      ],
      [
        'paper.docx 判断题 第2题',
        '题干',
        '图片“image2.emf”是 EMF 格式，考试端无法显示，未导入…（第5段）',
      ],
    ]);
  });
});
