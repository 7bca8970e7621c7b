import type { FileIssue } from './item-file-types';

/*
 * Thrown by a streaming reader when the rest of the file cannot be read (bad encoding, an
 * unterminated quote, a damaged zip entry): the stream ends with this one issue.
 */
export class FileReadError extends Error {
  constructor(readonly issue: FileIssue) {
    super(issue.reason);
  }
}
