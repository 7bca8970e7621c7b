import { describe, expect, it } from 'vitest';
import { contentTypeOf } from './content-type';

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['renderer.js', 'text/javascript; charset=utf-8'],
    ['renderer.css', 'text/css; charset=utf-8'],
    ['fonts/KaTeX_Main-Regular-ABC.woff2', 'font/woff2'],
    ['fonts/KaTeX_Main-Regular-ABC.woff', 'font/woff'],
    ['fonts/KaTeX_Main-Regular-ABC.ttf', 'font/ttf'],
    ['favicon.svg', 'image/svg+xml'],
    ['renderer.js.map', 'application/json; charset=utf-8'],
    ['console/assets/console-SEDNYJHB.JS', 'text/javascript; charset=utf-8'],
    ['C:\\app\\favicon.ico', 'image/x-icon'],
    ['.hidden', 'application/octet-stream'],
    ['unknown.bin', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeOf(file)).toBe(type);
  });
});
