/*
 * The text Word shows for one counter value in a numbering format (w:numFmt of a list level):
 * 1 → 「1」「A」「a」「一」「甲」「①」…, and a level's w:lvlText (「%1.」「%1、」「（%1）」「%1.%2」)
 * with each %N replaced by level N's value in level N's format.
 */

const DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const ROMAN: readonly [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 一 … 十 十一 … 九十九 一百 一百零一 … 九千九百九十九 (digits one by one beyond). */
function chineseThousand(value: number, digits = DIGITS, units = ['', '十', '百', '千']): string {
  if (value === 0) return '零';
  if (value >= 10_000) return chineseDigits(value, digits);
  const places = String(value).split('').map(Number).reverse();
  let text = '';
  let zero = false;
  for (let place = places.length - 1; place >= 0; place -= 1) {
    const digit = places[place] ?? 0;
    if (digit === 0) {
      zero = text !== '';
      continue;
    }
    if (zero) text += '零';
    zero = false;
    // 「十一」, not 「一十一」, for 10–19 written alone.
    const lead =
      digit === 1 && place === 1 && text === '' && digits === DIGITS ? '' : digits[digit];
    text += `${lead ?? ''}${units[place] ?? ''}`;
  }
  return text;
}

const chineseDigits = (value: number, digits = DIGITS) =>
  String(value)
    .split('')
    .map((digit) => digits[Number(digit)] ?? digit)
    .join('');

/** A, B, … Z, AA, BB, … ZZ, AAA — Word's letters repeat beyond Z. */
function letters(value: number, first: string): string {
  if (value <= 0) return '';
  const letter = String.fromCharCode(first.charCodeAt(0) + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  let left = value;
  let text = '';
  for (const [size, symbol] of ROMAN) {
    while (left >= size) {
      text += symbol;
      left -= size;
    }
  }
  return text;
}

const cycle = (list: string, value: number) =>
  value <= 0 ? String(value) : (list[(value - 1) % list.length] ?? '');

const fullWidth = (value: number) =>
  String(value).replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));

/** The text of `value` in a w:numFmt; formats this reader does not know are shown as decimal. */
export function formatNumber(value: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
      return '';
    case 'decimalZero':
      return value < 10 && value >= 0 ? `0${value}` : String(value);
    case 'upperLetter':
      return letters(value, 'A');
    case 'lowerLetter':
      return letters(value, 'a');
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'chineseCounting':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return value < 100 ? chineseThousand(value) : chineseDigits(value);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
    case 'japaneseLegal':
      return chineseThousand(value);
    case 'chineseLegalSimplified':
      return chineseThousand(value, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return chineseDigits(value);
    case 'ideographTraditional':
      return cycle(HEAVENLY_STEMS, value);
    case 'ideographZodiac':
      return cycle(EARTHLY_BRANCHES, value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? (CIRCLED[value - 1] ?? '') : String(value);
    case 'decimalEnclosedParen':
      return `(${value})`;
    case 'decimalEnclosedFullstop':
      return `${value}.`;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(value);
    default:
      return String(value);
  }
}

/** A level's text: 「%1.」 with level 1's value, 「%1.%2」 with levels 1 and 2 (w:lvlText). */
export function levelText(
  template: string,
  valueOf: (level: number) => { value: number; numFmt: string },
): string {
  return template.replace(/%([1-9])/g, (_, digit: string) => {
    const { value, numFmt } = valueOf(Number(digit) - 1);
    return formatNumber(value, numFmt);
  });
}
