import { describe, expect, it } from 'vitest';
import { isInternalUrl } from './navigation';

describe('isInternalUrl', () => {
  it.each(['app://desktop/index.html', 'app://desktop/', 'app://desktop/index.html#/exam?q=3'])(
    'allows our own page %s',
    (url) => expect(isInternalUrl(url)).toBe(true),
  );

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5174/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://evil/index.html',
    'app://desktop.evil.example/',
    'app://user:pass@desktop/',
    'app://desktop:8080/',
    'APP://DESKTOP@evil/',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isInternalUrl(url)).toBe(false));
});
