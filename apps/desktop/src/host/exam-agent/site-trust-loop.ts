import { isCertificateFailure } from '../discovery/site-pin';
import { LoginError, trustSite, type ExamSocket } from './server-api';

/*
 * Keeps the exam socket on the pinned site (docs/decisions/0232). Every failed (re)connect that
 * is a certificate failure is reported as a mismatch. A pinned agent resumed offline has not
 * verified the site yet: its socket stays closed until a TLS check against the pin succeeds,
 * so the saved candidate token is never sent to a server that is not the site.
 */

const RETRY_MS = 3_000;

/** The pin: an explicit `expectedFingerprint`, else the enrollment's `serverCertFingerprint`. */
export function sitePinOf(options: {
  readonly expectedFingerprint?: string | undefined;
  readonly enrollment?: { readonly serverCertFingerprint?: string | undefined } | undefined;
}): string | undefined {
  return options.expectedFingerprint ?? options.enrollment?.serverCertFingerprint;
}

export function keepSiteTrust(
  socket: ExamSocket,
  options: { readonly serverUrl: string; readonly expectedFingerprint?: string | undefined },
  verifyFirst: boolean,
  onMismatch: (detail: string) => void,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  socket.on('connect_error', (error) => {
    if (options.expectedFingerprint !== undefined && isCertificateFailure(error))
      onMismatch(`socket: ${error.message}`);
  });
  const attempt = async (): Promise<void> => {
    try {
      const trust = await trustSite(options.serverUrl, options.expectedFingerprint);
      if (stopped) return;
      if (trust !== undefined) Object.assign(socket.io.opts, trust.tls);
      socket.connect();
      return;
    } catch (error) {
      if (stopped) return;
      if (error instanceof LoginError && error.code === 'SERVER_CERT_MISMATCH')
        onMismatch(`login check: ${options.serverUrl}`);
    }
    timer = setTimeout(() => void attempt(), RETRY_MS);
  };
  if (verifyFirst) void attempt();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
