import type { IpcChannel, IpcInput, IpcOutput } from '@skillexam/shared';

type BankChannel = Extract<IpcChannel, `bank:${string}`>;

/** Calls a `bank:*` channel of the host; failures throw a CodedError with the host's message. */
export function bank<K extends BankChannel>(channel: K, input: IpcInput<K>): Promise<IpcOutput<K>> {
  return window.desktop.invoke(channel, input);
}

/** File bytes as base64 for the bridge (chunked so large files do not overflow the stack). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Offers base64 data to the user as a download. */
export function downloadBase64(fileName: string, data: string, mime = 'application/octet-stream') {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
