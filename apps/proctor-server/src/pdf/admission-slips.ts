import { maskIdNumber, type SessionRules } from '@skillexam/shared';
import { formatExamCode } from '../roster/exam-codes';
import { A4, cutLine, formatChinaTime, renderPdf, type PdfDoc } from './pdf-document';

/*
 * 准考证 (admission slips) with the one-time exam code, three per A4 page, separated by cut
 * lines. The ID number is masked; the exam code is printed large for typing at the kiosk.
 * With a site certificate, a cover sheet for the proctors comes first: the SHA-256 fingerprint
 * of the site CA, to compare with what the browser shows before logging in to the console
 * (docs/decisions/0233).
 */

export interface AdmissionSlip {
  readonly admissionTicketNumber: string;
  readonly name: string;
  readonly idNumber: string;
  readonly roomName: string;
  readonly seat: number;
  /** The one-time exam code in canonical form (8 characters). */
  readonly examCode: string;
  /** JPEG or PNG bytes of the candidate's photo, if any. */
  readonly photo?: Uint8Array;
}

export interface AdmissionSlipSession {
  /** e.g. 2026年第一批次 职业技能等级认定 理论知识考试 */
  readonly examName: string;
  /** e.g. 电工（三级） */
  readonly occupationAndLevel: string;
  readonly siteName: string;
  readonly startsAt: number;
  readonly durationMinutes: number;
  readonly printedAt: Date;
  /** The session's 考务规则: the slip's 考生须知 states them as they are. */
  readonly rules: Pick<
    SessionRules,
    'checkInOpensMinutesBefore' | 'lateEntryCutoffMinutes' | 'earliestSubmissionMinutes'
  >;
  /** The site CA's SHA-256 (`AB:CD:…`): printed on the proctors' cover sheet. */
  readonly siteCertFingerprint?: string | undefined;
}

/** 考生须知 with the session's own rules (a slip must not promise a rule the server does not keep). */
export function admissionNotice(rules: AdmissionSlipSession['rules']): readonly string[] {
  const checkIn = rules.checkInOpensMinutesBefore;
  const late = rules.lateEntryCutoffMinutes;
  const earliest = rules.earliestSubmissionMinutes;
  return [
    `1. ${checkIn > 0 ? `考前${checkIn}分钟` : '开考时'}凭准考证和身份证检录入场，对号入座。`,
    `2. ${late > 0 ? `开考${late}分钟后` : '开考后'}不得入场，迟到不延长考试时间。`,
    `3. ${earliest > 0 ? `开考${earliest}分钟后方可交卷` : '答完即可交卷'}；考试结束时系统自动交卷。`,
    '4. 登录后请核对屏幕上的姓名、照片和身份证号。',
    '5. 考试码仅限本场次本人使用，请妥善保管，勿告知他人。',
  ];
}

const SLIPS_PER_PAGE = 3;
const MARGIN = 28;

function drawSlip(
  doc: PdfDoc,
  slip: AdmissionSlip,
  session: AdmissionSlipSession,
  top: number,
  height: number,
): void {
  const left = MARGIN + 8;
  const width = A4.width - 2 * MARGIN - 16;
  doc.fillColor('#000000');
  doc.fontSize(16).text('准 考 证', left, top + 10, { width, align: 'center' });
  doc.fontSize(10).text(`${session.examName} · ${session.occupationAndLevel}`, left, top + 34, {
    width,
    align: 'center',
  });

  const fieldsTop = top + 58;
  const rows: [string, string][] = [
    ['准考证号', slip.admissionTicketNumber],
    ['姓　　名', slip.name],
    ['身份证号', maskIdNumber(slip.idNumber)],
    ['考　　场', slip.roomName],
    ['座 位 号', String(slip.seat)],
    ['考试时间', `${formatChinaTime(session.startsAt)}（${session.durationMinutes}分钟）`],
    ['考　　点', session.siteName],
  ];
  rows.forEach(([label, value], index) => {
    const y = fieldsTop + index * 17;
    doc.fontSize(10).fillColor('#444444').text(`${label}：`, left, y, { lineBreak: false });
    doc
      .fillColor('#000000')
      .text(value, left + 62, y, { width: 250, lineBreak: false, ellipsis: true });
  });

  const codeLeft = left + 320;
  doc.roundedRect(codeLeft, fieldsTop, 150, 62, 4).lineWidth(1).strokeColor('#000000').stroke();
  doc
    .fontSize(9)
    .text('考试码（登录用，一次有效）', codeLeft, fieldsTop + 6, { width: 150, align: 'center' });
  doc.fontSize(20).text(formatExamCode(slip.examCode), codeLeft, fieldsTop + 26, {
    width: 150,
    align: 'center',
    characterSpacing: 2,
  });

  const photoLeft = codeLeft + 160;
  doc.rect(photoLeft, fieldsTop, 60, 80).lineWidth(0.5).strokeColor('#999999').stroke();
  if (slip.photo === undefined) {
    doc
      .fontSize(8)
      .fillColor('#999999')
      .text('照片', photoLeft, fieldsTop + 34, { width: 60, align: 'center' });
  } else {
    doc.image(Buffer.from(slip.photo), photoLeft + 1, fieldsTop + 1, {
      fit: [58, 78],
      align: 'center',
      valign: 'center',
    });
  }

  const noticeTop = fieldsTop + rows.length * 17 + 6;
  doc.fontSize(8).fillColor('#000000').text('考生须知：', left, noticeTop);
  doc.fontSize(7.5).fillColor('#333333');
  const notice = admissionNotice(session.rules);
  notice.forEach((line, index) =>
    doc.text(line, left + 8, noticeTop + 11 + index * 10, { width, lineBreak: false }),
  );
  doc.fillColor('#000000');
  if (noticeTop + 11 + notice.length * 10 > top + height) {
    throw new RangeError('Admission slip content does not fit its box');
  }
}

/** The proctors' cover sheet: what the slips are and the fingerprint to check in the browser. */
function drawCoverSheet(
  doc: PdfDoc,
  session: AdmissionSlipSession,
  count: number,
  fingerprint: string,
): void {
  const width = A4.width - 2 * MARGIN;
  doc
    .fillColor('#000000')
    .fontSize(18)
    .text('准考证封面（监考员留存，勿发给考生）', MARGIN, MARGIN + 20, { width, align: 'center' });
  doc.fontSize(11);
  const lines: [string, string][] = [
    ['考试', `${session.examName} · ${session.occupationAndLevel}`],
    ['考点', session.siteName],
    ['考试时间', `${formatChinaTime(session.startsAt)}（${session.durationMinutes}分钟）`],
    ['准考证份数', String(count)],
    ['打印时间', formatChinaTime(session.printedAt.getTime())],
  ];
  lines.forEach(([label, value], index) =>
    doc.text(`${label}：${value}`, MARGIN + 20, MARGIN + 70 + index * 20, { width: width - 40 }),
  );
  const boxTop = MARGIN + 190;
  doc
    .rect(MARGIN + 10, boxTop, width - 20, 120)
    .lineWidth(1)
    .strokeColor('#000000')
    .stroke();
  doc.fontSize(12).text('考点服务器证书指纹 (site certificate SHA-256)', MARGIN + 20, boxTop + 12, {
    width: width - 40,
  });
  const pairs = fingerprint.split(':');
  const half = Math.ceil(pairs.length / 2);
  doc.fontSize(13);
  doc.text(pairs.slice(0, half).join(':'), MARGIN + 20, boxTop + 40, {
    width: width - 40,
    align: 'center',
  });
  doc.text(pairs.slice(half).join(':'), MARGIN + 20, boxTop + 62, {
    width: width - 40,
    align: 'center',
  });
  doc.fontSize(9.5);
  doc.text(
    '登录监考控制台前，请在浏览器的证书信息中核对“考点证书颁发机构”的 SHA-256 指纹与上面一致；不一致时不要输入密码，请联系考点管理员。考试机已登记此证书，连接到证书不符的服务器时会提示「考点服务器证书不符，请联系监考员」。',
    MARGIN + 20,
    boxTop + 134,
    { width: width - 40 },
  );
}

/** Renders the slips in the given order, three per A4 page. */
export function renderAdmissionSlips(
  slips: readonly AdmissionSlip[],
  session: AdmissionSlipSession,
): Promise<Uint8Array> {
  const meta = { title: `准考证 · ${session.examName}`, createdAt: session.printedAt };
  return renderPdf(meta, MARGIN, (doc) => {
    const slotHeight = (A4.height - 2 * MARGIN) / SLIPS_PER_PAGE;
    const cover = session.siteCertFingerprint !== undefined;
    if (cover) drawCoverSheet(doc, session, slips.length, session.siteCertFingerprint ?? '');
    slips.forEach((slip, index) => {
      const slot = index % SLIPS_PER_PAGE;
      if (slot === 0 && (index > 0 || cover)) doc.addPage();
      const top = MARGIN + slot * slotHeight;
      drawSlip(doc, slip, session, top, slotHeight - 10);
      if (slot < SLIPS_PER_PAGE - 1 && index < slips.length - 1) {
        cutLine(doc, top + slotHeight - 2, MARGIN, A4.width - MARGIN);
      }
    });
    if (slips.length === 0) doc.fontSize(12).text('（无考生）');
  });
}
