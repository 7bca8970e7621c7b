/*
 * The question number that banks copy into the stem: `572\t…`, `127、…`, `2.…`, `2．…`,
 * `（1）…`, `(1)…`, `1)…`, `第12题…`. A leading number that is content — "220V 电压…",
 * "3.5 mm 的…", "1 kW 电动机…" — is kept: only a number followed by numbering punctuation
 * (or a tab) and not by a digit or unit is removed.
 */

const NUMBERING = [
  /^第\s*\d{1,5}\s*题\s*[、.．:：]?\s*/,
  /^[(（]\s*\d{1,5}\s*[)）]\s*/,
  /^\d{1,5}\s*[)）]\s*/,
  /^\d{1,5}\t\s*/,
  /^\d{1,5}\s*[、．]\s*/,
  /^\d{1,5}\s*\.(?![\d.])\s*/,
];

/** The stem without its copied question number; unchanged when nothing would remain. */
export function stripStemNumber(stem: string): string {
  for (const pattern of NUMBERING) {
    const match = pattern.exec(stem);
    if (match === null) continue;
    const rest = stem.slice(match[0].length);
    return rest.trim() === '' ? stem : rest;
  }
  return stem;
}
