/*
 * The one way to turn anything thrown into the text shown to a person or written to a log:
 * an Error's message, anything else as `String(value)`.
 */

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
