import { describe, expect, it } from 'vitest';
import { isSafeImageUrl } from './safe-url';

describe('isSafeImageUrl', () => {
  it.each([
    'app://assets/abc',
    'https://bank.local/assets/abc',
    'http://127.0.0.1:3000/assets/abc',
    'blob:app://x/1234',
    '/assets/abc',
    'assets/abc.png',
    'data:image/png;base64,iVBORw0KGgo=',
  ])('allows %s', (url) => {
    expect(isSafeImageUrl(url)).toBe(true);
  });

  it.each([
    '',
    'javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'jav\nascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    '//evil.example/x.png',
    '\\\\evil.example\\x.png',
  ])('refuses %j', (url) => {
    expect(isSafeImageUrl(url)).toBe(false);
  });
});
