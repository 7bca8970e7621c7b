import { message } from 'antd';
import { errorMessage } from '@skillexam/shared';
import { bank, downloadBase64 } from '../author-api';

/** Downloads a form's paper or answer-key PDF; failures show as a message. */
export async function downloadPaperPdf(paperId: string, kind: 'paper' | 'key'): Promise<void> {
  try {
    const file = await bank('bank:paper-pdf', { paperId, kind });
    downloadBase64(file.fileName, file.data, 'application/pdf');
  } catch (e) {
    void message.error(errorMessage(e));
  }
}

/** Seals a form for the site whose public key the author chose; returns the package's file name. */
export async function exportSitePackage(
  paperId: string,
  siteKey: File,
): Promise<string | undefined> {
  try {
    const file = await bank('bank:export-package', {
      paperId,
      sitePublicKeyPem: await siteKey.text(),
    });
    downloadBase64(file.fileName, file.data);
    return file.fileName;
  } catch (e) {
    void message.error(errorMessage(e));
    return undefined;
  }
}

/** Downloads the bank's signing public key, which sites install to verify packages. */
export function downloadSigningKey(): void {
  void bank('bank:signing-key', {}).then(
    (key) => downloadBase64('signing.pub.pem', btoa(key.publicKeyPem), 'application/x-pem-file'),
    (e: unknown) => void message.error(errorMessage(e)),
  );
}
