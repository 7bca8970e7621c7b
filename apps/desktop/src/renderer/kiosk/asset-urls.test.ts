import { describe, expect, it } from 'vitest';
import { assetDataUrls } from './asset-urls';

describe('assetDataUrls', () => {
  it('turns raster images into data URLs and leaves out everything else', () => {
    const urls = assetDataUrls({
      a: { mimeType: 'image/png', dataBase64: 'iVBORw0KGgo=' },
      b: { mimeType: 'IMAGE/JPEG', dataBase64: '/9j/4AAQ' },
      c: { mimeType: 'image/svg+xml', dataBase64: 'PHN2Zz4=' },
      d: { mimeType: 'text/html', dataBase64: 'PGI+' },
      e: { mimeType: 'image/png', dataBase64: 'abc"onerror=x' },
    });
    expect([...urls]).toEqual([
      ['a', 'data:image/png;base64,iVBORw0KGgo='],
      ['b', 'data:image/jpeg;base64,/9j/4AAQ'],
    ]);
    expect(assetDataUrls(undefined).size).toBe(0);
  });
});
