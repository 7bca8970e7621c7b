import QRCode from 'qrcode';
import { A4, renderPdfWithFont, type PdfDoc } from '@skillexam/item-bank/pdf-document';
import { LEVEL_NAMES, type CertificateLevel } from './certificate-number';
import { chinaDateText } from './china-time';
import { maskIdNumber } from './holder-id';

/*
 * The electronic certificate (电子证书): one A4 page — title 职业技能等级证书, the holder with the
 * ID number masked (first 3 and last 4), occupation, level, organisation, number, date of
 * issue, and a QR code that opens this certificate on the public lookup page
 * (docs/decisions/1024-electronic-certificate.md). A voided certificate is stamped 已作废.
 */

export interface CertificateFace {
  readonly number: string;
  readonly name: string;
  readonly idType: string;
  readonly idNumber: string;
  readonly occupationName: string;
  readonly occupationCode: string;
  readonly jobType: string | null;
  readonly level: number;
  readonly organisationName: string;
  readonly issuedAt: Date;
  readonly status: 'valid' | 'voided';
  /** The QR code's target: the public lookup link of this certificate. */
  readonly lookupUrl: string;
}

const NAVY = '#0b3a6b';
const GOLD = '#b08a2e';

function frame(doc: PdfDoc): void {
  doc.save();
  doc
    .lineWidth(6)
    .strokeColor(NAVY)
    .rect(24, 24, A4.width - 48, A4.height - 48)
    .stroke();
  doc
    .lineWidth(1.2)
    .strokeColor(GOLD)
    .rect(36, 36, A4.width - 72, A4.height - 72)
    .stroke();
  doc.restore();
}

function field(doc: PdfDoc, label: string, value: string, y: number): void {
  const left = 110;
  doc.fontSize(13).fillColor('#555555').text(label, left, y, { width: 110, lineBreak: false });
  const width = A4.width - left - 120 - 90;
  let size = 15;
  // A long value (an occupation with its 工种) is set smaller rather than wrapped.
  while (size > 9 && doc.fontSize(size).widthOfString(value) > width) size -= 1;
  doc
    .fontSize(size)
    .fillColor('#111111')
    .text(value, left + 120, y - 1 + (15 - size) / 2, { width, lineBreak: false, ellipsis: true });
  doc
    .lineWidth(0.5)
    .strokeColor('#cccccc')
    .moveTo(left + 120, y + 20)
    .lineTo(A4.width - 90, y + 20)
    .stroke();
}

function voidStamp(doc: PdfDoc): void {
  doc.save();
  doc.rotate(-30, { origin: [A4.width / 2, A4.height / 2] });
  doc.fontSize(96).fillColor('#c0392b').fillOpacity(0.25);
  doc.text('已作废', 0, A4.height / 2 - 60, { width: A4.width, align: 'center', lineBreak: false });
  doc.restore();
  // The same in plain text, for readers and text extraction (diagonal text is often skipped).
  doc
    .fontSize(12)
    .fillColor('#c0392b')
    .text('本证书已作废，不再有效', 0, 194, { width: A4.width, align: 'center' });
}

export async function renderCertificatePdf(
  fontBytes: Uint8Array,
  face: CertificateFace,
): Promise<Uint8Array> {
  const qr = await QRCode.toBuffer(face.lookupUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 360,
  });
  const levelName = LEVEL_NAMES[face.level as CertificateLevel];
  const occupation =
    face.jobType === null ? face.occupationName : `${face.occupationName}（${face.jobType}）`;
  return renderPdfWithFont(
    fontBytes,
    {
      title: `职业技能等级证书 ${face.number}`,
      author: face.organisationName,
      createdAt: face.issuedAt,
    },
    48,
    (doc) => {
      frame(doc);
      doc.fillColor(NAVY).fontSize(34).text('职业技能等级证书', 0, 110, {
        width: A4.width,
        align: 'center',
        characterSpacing: 6,
      });
      doc.fillColor(GOLD).fontSize(12).text('VOCATIONAL SKILL LEVEL CERTIFICATE', 0, 160, {
        width: A4.width,
        align: 'center',
        characterSpacing: 2,
      });
      doc
        .lineWidth(1)
        .strokeColor(GOLD)
        .moveTo(180, 186)
        .lineTo(A4.width - 180, 186)
        .stroke();
      const rows: [string, string][] = [
        ['姓　　名', face.name],
        [face.idType === '居民身份证' ? '身份证号' : face.idType, maskIdNumber(face.idNumber)],
        ['职业（工种）', occupation],
        ['职业编码', face.occupationCode],
        ['等　　级', levelName],
        ['评价机构', face.organisationName],
        ['证书编号', face.number],
        ['发证日期', chinaDateText(face.issuedAt)],
      ];
      rows.forEach(([label, value], index) => field(doc, label, value, 230 + index * 44));
      const qrSize = 118;
      const qrLeft = A4.width - 90 - qrSize;
      const qrTop = 612;
      doc.image(qr, qrLeft, qrTop, { width: qrSize, height: qrSize });
      doc
        .fontSize(9)
        .fillColor('#555555')
        .text('扫码查验', qrLeft, qrTop + qrSize + 4, { width: qrSize, align: 'center' });
      doc
        .fontSize(10)
        .fillColor('#333333')
        .text(`经评价，该同志职业技能等级为 ${levelName}，特发此证。`, 110, 630, {
          width: qrLeft - 130,
        });
      doc
        .fontSize(9)
        .fillColor('#666666')
        .text(
          `本证书信息可在职业技能等级证书查询页面免费核验：\n${face.lookupUrl.replace(/\/verify\/.*$/, '/verify')}`,
          110,
          680,
          {
            width: qrLeft - 130,
          },
        );
      if (face.status === 'voided') voidStamp(doc);
    },
  );
}
