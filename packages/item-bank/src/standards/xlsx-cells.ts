import type ExcelJS from 'exceljs';

/** A cell as the text a user sees: rich text joined, formulas by result, numbers as written. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    return result === undefined || result === null || typeof result === 'object'
      ? ''
      : String(result).trim();
  }
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('error' in value) return '';
  return '';
}

/** "A", "B", … "AA" for a 1-based column number. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
