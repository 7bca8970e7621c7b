import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { connect, type DetailedPeerCertificate } from 'node:tls';
import { normalizeFingerprint } from '@skillexam/shared';

/*
 * Pinning the exam site (docs/decisions/0232). A kiosk is enrolled to one site and stores the
 * SHA-256 fingerprint of the site CA. Before it sends anything to a server it opens a TLS
 * connection, finds the certificate with exactly that fingerprint in the chain the server
 * presents and checks that the server certificate is signed by it; from then on every request
 * and the socket.io connection verify the server against that one CA only (Node's own chain
 * verification, no system CAs). A server with another certificate, a man-in-the-middle with its
 * own certificate, or plain HTTP gets nothing: no exam code, no token, no answers.
 */

/** What the candidate reads; the proctor gets a kiosk event when the kiosk next reaches the site. */
export const CERT_MISMATCH_MESSAGE = '考点服务器证书不符，请联系监考员';

export class ServerCertificateMismatch extends Error {
  readonly code = 'SERVER_CERT_MISMATCH';
  /** What was found instead (for the proctor's event), e.g. the other certificate's fingerprint. */
  readonly detail: string;
  constructor(detail: string) {
    super(CERT_MISMATCH_MESSAGE);
    this.name = 'ServerCertificateMismatch';
    this.detail = detail;
  }
}

/** TLS options for node:https, ws and socket.io-client that trust only the pinned site CA. */
export interface PinnedTlsOptions {
  readonly ca: string[];
  readonly rejectUnauthorized: true;
  /**
   * Host names are not checked: the site CA is private to this site and pinned, and kiosks reach
   * the server by an address that may change (DHCP) between certificate renewals.
   */
  readonly checkServerIdentity: () => undefined;
}

export interface SiteTrust {
  readonly fingerprint: string;
  readonly tls: PinnedTlsOptions;
}

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** The presented chain, server certificate first (Node links it through issuerCertificate). */
function chainOf(leaf: DetailedPeerCertificate): DetailedPeerCertificate[] {
  const chain: DetailedPeerCertificate[] = [];
  let current: DetailedPeerCertificate | undefined = leaf;
  while (current !== undefined && current.raw !== undefined && !chain.includes(current)) {
    chain.push(current);
    const next: DetailedPeerCertificate | undefined = current.issuerCertificate;
    if (next === current) break;
    current = next;
  }
  return chain;
}

/** Checks a presented chain against the pin; returns the site CA's PEM or throws the mismatch. */
export function checkPresentedChain(
  leaf: DetailedPeerCertificate,
  expectedFingerprint: string,
): string {
  const chain = chainOf(leaf);
  const leafFingerprint = chain[0]?.fingerprint256 ?? '(none)';
  const pinned = chain.find((cert) => cert.fingerprint256 === expectedFingerprint);
  if (pinned === undefined || chain[0] === undefined)
    throw new ServerCertificateMismatch(`server certificate ${leafFingerprint}`);
  const ca = new X509Certificate(pinned.raw);
  const server = new X509Certificate(chain[0].raw);
  // A stranger may present the real (public) CA certificate next to its own: only a server
  // certificate the pinned CA signed counts.
  if (pinned !== chain[0] && !server.verify(ca.publicKey))
    throw new ServerCertificateMismatch(
      `server certificate ${leafFingerprint} not signed by the site CA`,
    );
  return toPem(pinned.raw);
}

/**
 * Opens one TLS connection to the server, checks the pin and returns options that trust only
 * the pinned CA. Sends no application data. Plain `http:` URLs are refused: a pinned kiosk
 * talks to its site over TLS only.
 */
export async function establishSiteTrust(
  serverUrl: string,
  expectedFingerprint: string,
  timeoutMs = 10_000,
): Promise<SiteTrust> {
  const fingerprint = normalizeFingerprint(expectedFingerprint);
  if (fingerprint === undefined)
    throw new ServerCertificateMismatch(
      `the enrolled fingerprint is malformed: ${expectedFingerprint}`,
    );
  const url = new URL(serverUrl);
  if (url.protocol !== 'https:') throw new ServerCertificateMismatch(`not HTTPS: ${serverUrl}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port === '' ? 443 : Number(url.port);
  const caPem = await new Promise<string>((resolve, reject) => {
    const socket = connect({
      host,
      port,
      ...(isIP(host) === 0 ? { servername: host } : {}),
      // verified below against the pin, before any byte of application data is written
      rejectUnauthorized: false,
      timeout: timeoutMs,
    });
    socket.once('secureConnect', () => {
      try {
        resolve(checkPresentedChain(socket.getPeerCertificate(true), fingerprint));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      } finally {
        socket.destroy();
      }
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    });
    socket.once('error', (error) => reject(error));
  });
  return {
    fingerprint,
    tls: { ca: [caPem], rejectUnauthorized: true, checkServerIdentity: () => undefined },
  };
}

const TLS_FAILURES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

/** Whether a connection error means "this is not the pinned site" rather than "unreachable". */
export function isCertificateFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (current instanceof ServerCertificateMismatch) return true;
    // fetch wraps the system error in `cause`; socket.io-client in `description.error`
    const record = current as {
      code?: unknown;
      cause?: unknown;
      description?: unknown;
      error?: unknown;
    };
    if (typeof record.code === 'string' && TLS_FAILURES.has(record.code)) return true;
    current = record.cause ?? record.description ?? record.error;
  }
  return false;
}
