import { CodedError } from '@skillexam/shared';

/*
 * A list of item ids as people hand it over (`qbank review … --ids-file f`, or `-` for stdin):
 * one id per line, or several separated by spaces, tabs or commas; blank lines and lines
 * starting with `#` are skipped; a UTF-8 BOM and Windows line ends are accepted.
 */

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const SEPARATORS = /[\s,，;；]+/u;
/** How many bad lines one error message lists before saying how many more there are. */
const LISTED_BAD_LINES = 10;

/** The ids in `text` (in order, repeats kept), or one error naming the file and every bad line. */
export function parseIdList(text: string, source: string): string[] {
  const ids: string[] = [];
  const bad: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    for (const token of trimmed.split(SEPARATORS)) {
      if (token === '') continue;
      if (ID_PATTERN.test(token)) ids.push(token);
      else bad.push(`第 ${index + 1} 行「${shorten(token)}」`);
    }
  });
  if (bad.length > 0) {
    const more = bad.length > LISTED_BAD_LINES ? `等 ${bad.length} 处` : '';
    throw new CodedError(
      'BAD_REQUEST',
      `${source}：${bad.slice(0, LISTED_BAD_LINES).join('、')}${more}不是试题 ID` +
        '（应为字母、数字、“_”“.”“:”“-”组成，最长 64 个字符；每行一个，或用空格、逗号分隔）；未做任何审核',
    );
  }
  if (ids.length === 0) {
    throw new CodedError(
      'BAD_REQUEST',
      `${source}：没有试题 ID（每行一个；空行和 # 开头的行被忽略）`,
    );
  }
  return ids;
}

function shorten(token: string): string {
  const chars = Array.from(token);
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : token;
}
