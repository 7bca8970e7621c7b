/*
 * A value as one POSIX shell word, for the commands the console shows an admin to run on the
 * server computer (restore, verify): bare when it is safe, else single-quoted.
 */
export function shellWord(value: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
