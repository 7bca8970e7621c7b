import { createHash } from 'node:crypto';
import type { PublicCertificate } from './verify-certificate';

/*
 * The public lookup page (证书查询): small server-rendered HTML, no script, readable on a phone
 * (390 px wide) and a desk. Every value is escaped.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;
  background:#f3f5f8;color:#1d2733;line-height:1.6;font-size:16px}
header{background:#0b4f8a;color:#fff;padding:14px 16px}
header h1{margin:0;font-size:1.2rem;font-weight:600}
header p{margin:2px 0 0;font-size:.85rem;opacity:.9}
main{max-width:560px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:10px;padding:16px;box-shadow:0 1px 3px rgba(0,0,0,.08);margin-bottom:16px}
label{display:block;font-weight:600;margin:12px 0 4px}
label:first-child{margin-top:0}
input{width:100%;font-size:1rem;padding:10px 12px;border:1px solid #9aa7b5;border-radius:6px}
input:focus{outline:3px solid #8cc4ff;border-color:#0b4f8a}
.hint{font-size:.85rem;color:#51606f;margin:4px 0 0}
button{margin-top:16px;width:100%;font-size:1.05rem;padding:12px;border:0;border-radius:6px;
  background:#0b4f8a;color:#fff;font-weight:600}
.msg{border-radius:8px;padding:12px 14px;margin-bottom:16px}
.msg.bad{background:#fdecea;color:#8a1c12;border:1px solid #f3b8b0}
.msg.ok{background:#e7f6ec;color:#155d2b;border:1px solid #a9dcb9}
.msg.void{background:#fff4e0;color:#7a4b00;border:1px solid #f0c979}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:8px 12px}
dt{color:#51606f;white-space:nowrap}
dd{margin:0;word-break:break-all;font-weight:500}
.number{font-family:ui-monospace,Menlo,Consolas,monospace;letter-spacing:.02em}
a{color:#0b4f8a}
footer{text-align:center;font-size:.8rem;color:#6b7785;padding:8px 16px 24px}
`;

/** The CSP source that allows exactly this page's inline style and nothing else. */
export const STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>职业技能等级证书查询</h1><p>Vocational skill level certificate lookup · 免费查询</p></header>
<main>
${body}
</main>
<footer>查询结果以本中心数据库记录为准 · 请勿频繁查询</footer>
</body>
</html>`;
}

export interface FormValues {
  readonly number?: string;
  readonly proof?: string;
}

function form(values: FormValues): string {
  return `<form class="card" method="post" action="/verify" autocomplete="off">
<label for="number">证书编号</label>
<input id="number" name="number" inputmode="latin" maxlength="22" required
  value="${escapeHtml(values.number ?? '')}" placeholder="22位，如 Y000144000123265000001">
<label for="proof">持证人姓名或身份证号后4–6位</label>
<input id="proof" name="proof" maxlength="50" required value="${escapeHtml(values.proof ?? '')}">
<p class="hint">为保护个人信息，需同时填写证书编号和姓名（或身份证号后4–6位）。</p>
<button type="submit">查询</button>
</form>`;
}

/** The empty form, or the form with a message about what was entered. */
export function formPage(values: FormValues = {}, message?: string): string {
  const notice =
    message === undefined ? '' : `<div class="msg bad" role="alert">${escapeHtml(message)}</div>`;
  return page('证书查询', `${notice}${form(values)}`);
}

/** The same answer for no such number, a name that does not match, and a wrong QR code. */
export const NOT_FOUND_MESSAGE =
  '未查询到与所填信息相符的证书。请核对证书编号和姓名（或身份证号后4–6位）。(No matching certificate.)';

export function notFoundPage(values: FormValues = {}): string {
  return formPage(values, NOT_FOUND_MESSAGE);
}

export function rateLimitedPage(retryAfterSeconds: number): string {
  return page(
    '查询过于频繁',
    `<div class="msg bad" role="alert">查询过于频繁，请 ${String(retryAfterSeconds)} 秒后再试。(Too many lookups; try again later.)</div>${form({})}`,
  );
}

function row(label: string, value: string, className = ''): string {
  const cls = className === '' ? '' : ` class="${className}"`;
  return `<dt>${label}</dt><dd${cls}>${escapeHtml(value)}</dd>`;
}

export function certificatePage(certificate: PublicCertificate): string {
  const banner =
    certificate.status === 'valid'
      ? '<div class="msg ok" role="status">✔ 证书有效 (valid)</div>'
      : `<div class="msg void" role="status">该证书已于 ${escapeHtml(certificate.voidedOn ?? '')} 作废 (voided)</div>`;
  const job = certificate.jobType === undefined ? '' : row('工种', certificate.jobType);
  return page(
    `证书 ${certificate.number}`,
    `${banner}<section class="card"><dl>
${row('证书编号', certificate.number, 'number')}
${row('姓名', certificate.name)}
${row(certificate.idType, certificate.maskedIdNumber, 'number')}
${row('职业名称', certificate.occupationName)}
${row('职业编码', certificate.occupationCode, 'number')}
${job}
${row('等级', certificate.levelName)}
${row('评价机构', certificate.organisationName)}
${row('发证日期', certificate.issuedOn)}
</dl></section>
<p class="hint"><a href="/verify">查询其他证书</a></p>`,
  );
}
