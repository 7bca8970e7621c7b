import { randomInt } from 'node:crypto';
import { InvalidInputError } from '@skillexam/shared';

/*
 * Password rules of staff accounts. A new account or a reset gets a one-time password, shown
 * once, which the holder must replace at the first login (docs/center.md, accounts).
 */

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** No 0/O, 1/l/I: read aloud or copied from paper without mistakes. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 16 characters from a 55-letter alphabet: about 92 bits. */
export function generateOneTimePassword(): string {
  let password = '';
  for (let index = 0; index < 16; index += 1) password += ALPHABET[randomInt(ALPHABET.length)];
  return `${password.slice(0, 4)}-${password.slice(4, 8)}-${password.slice(8, 12)}-${password.slice(12)}`;
}

export function checkNewPassword(password: string, username: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new InvalidInputError(
      `newPassword: 密码长度应为 ${String(MIN_PASSWORD_LENGTH)}–${String(MAX_PASSWORD_LENGTH)} 个字符 (password must be ${String(MIN_PASSWORD_LENGTH)}–${String(MAX_PASSWORD_LENGTH)} characters)`,
    );
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw new InvalidInputError(
      'newPassword: 密码不能包含用户名 (password must not contain the username)',
    );
  }
}
