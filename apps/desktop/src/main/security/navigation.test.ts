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
    'app:desktop/index.html',
    'app:///index.html',
    'app://desktop%2eevil/',
    'app://desktop\\@evil/',
    'blob:app://desktop/0b6c-4f1a',
    'ws://127.0.0.1:7300/socket.io/',
    'http://desktop/index.html',
    'https://desktop/index.html',
    'view-source:app://desktop/index.html',
    'filesystem:app://desktop/temporary/x',
  ])('refuses %s', (url) => expect(isInternalUrl(url)).toBe(false));
});
