import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PemPair, ServerNames } from './certificate-authority';
import { certificateFingerprint, splitPemBundle } from './fingerprint';
import { siteServerNames } from './site-names';

/*
 * The site certificate in the data directory (docs/decisions/0230, 0231):
 *   tls/site-ca.crt   the site CA (public; kiosks pin its SHA-256, browsers may install it)
 *   tls/site-ca.key   the CA's private key, mode 0600 (may be moved offline: `tls renew --ca-key`)
 *   tls/server.crt    the server certificate followed by the CA certificate (the chain served)
 *   tls/server.key    the server's private key, mode 0600
 * Created at the first `serve` (or `tls show`); the server certificate is re-issued at start-up
 * when it no longer covers this machine's names and addresses or expires within 30 days.
 */

export const TLS_DIR = 'tls';
const CA_CERT = 'site-ca.crt';
const CA_KEY = 'site-ca.key';
const SERVER_CERT = 'server.crt';
const SERVER_KEY = 'server.key';
const RENEW_BEFORE_MS = 30 * 86_400_000;
const DEFAULT_SITE_NAME = 'SkillExam';

export class SiteTlsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteTlsError';
  }
}

/** What the server needs to listen, and what people compare. */
export interface SiteTls {
  /** The server's private key (PEM). */
  readonly key: string;
  /** The server certificate followed by the site CA (PEM). */
  readonly cert: string;
  readonly caCertPem: string;
  /** SHA-256 of the site CA certificate: the pin kiosks store at enrollment. */
  readonly fingerprint: string;
  /** SHA-256 of the server certificate itself (changes on every renewal). */
  readonly serverFingerprint: string;
  readonly serverNotAfter: Date;
  readonly caNotAfter: Date;
  /** The server certificate's subject alternative names. */
  readonly names: ServerNames;
  readonly caKeyInDataDir: boolean;
}

export interface SiteTlsOptions {
  readonly siteName?: string | undefined;
  readonly extraNames?: readonly string[];
  readonly extraIps?: readonly string[];
  readonly now?: Date;
}

export interface EnsuredSiteTls {
  readonly tls: SiteTls;
  /** What was (re)created now: the whole site CA, only the server certificate, or nothing. */
  readonly created: 'site-ca' | 'server-certificate' | undefined;
  /** Why the certificate should be renewed but could not be (the CA key is offline). */
  readonly warning?: string;
}

function tlsPath(dataDir: string, file: string): string {
  return join(dataDir, TLS_DIR, file);
}

function writeAtomic(path: string, content: string, mode: number): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content, { mode });
  chmodSync(temp, mode);
  renameSync(temp, path);
}

/** The SHA-256 fingerprint of the site CA of a data directory: the pin for kiosk enrollment. */
export function siteCertificateFingerprint(dataDir: string): string {
  const path = tlsPath(dataDir, CA_CERT);
  if (!existsSync(path))
    throw new SiteTlsError(
      `该数据目录还没有考点证书，请先运行 proctor-server tls show 或 serve (no site certificate yet): ${path}`,
    );
  return certificateFingerprint(readFileSync(path));
}

function sanNames(cert: X509Certificate): ServerNames {
  const entries = (cert.subjectAltName ?? '').split(/,\s*/).filter((entry) => entry !== '');
  return {
    dnsNames: entries.filter((e) => e.startsWith('DNS:')).map((e) => e.slice(4)),
    ipAddresses: entries.filter((e) => e.startsWith('IP Address:')).map((e) => e.slice(11)),
  };
}

/** Reads the site certificate files; throws a SiteTlsError naming what is missing or wrong. */
export function loadSiteTls(dataDir: string): SiteTls {
  for (const file of [CA_CERT, SERVER_CERT, SERVER_KEY]) {
    if (!existsSync(tlsPath(dataDir, file)))
      throw new SiteTlsError(
        `考点证书文件缺失 (site certificate file missing): ${tlsPath(dataDir, file)}`,
      );
  }
  const caCertPem = readFileSync(tlsPath(dataDir, CA_CERT), 'utf8');
  const chain = readFileSync(tlsPath(dataDir, SERVER_CERT), 'utf8');
  const key = readFileSync(tlsPath(dataDir, SERVER_KEY), 'utf8');
  const leafPem = splitPemBundle(chain)[0];
  if (leafPem === undefined)
    throw new SiteTlsError(
      `服务器证书无法读取 (no certificate in ${tlsPath(dataDir, SERVER_CERT)})`,
    );
  const ca = new X509Certificate(caCertPem);
  const leaf = new X509Certificate(leafPem);
  if (!leaf.verify(ca.publicKey))
    throw new SiteTlsError(
      '服务器证书不是本考点证书颁发机构签发的，请运行 proctor-server tls renew (server certificate not signed by the site CA)',
    );
  return {
    key,
    cert: chain,
    caCertPem,
    fingerprint: ca.fingerprint256,
    serverFingerprint: leaf.fingerprint256,
    serverNotAfter: new Date(leaf.validTo),
    caNotAfter: new Date(ca.validTo),
    names: sanNames(leaf),
    caKeyInDataDir: existsSync(tlsPath(dataDir, CA_KEY)),
  };
}

/** Whether a certificate with `present` names covers every `required` one. */
export function coversNames(present: ServerNames, required: ServerNames): boolean {
  return (
    required.dnsNames.every((name) => present.dnsNames.includes(name)) &&
    required.ipAddresses.every((ip) => present.ipAddresses.includes(ip))
  );
}

async function writeServerCertificate(
  dataDir: string,
  ca: PemPair,
  names: ServerNames,
  now: Date,
): Promise<void> {
  const { issueServerCertificate } = await import('./certificate-authority');
  const server = await issueServerCertificate(ca, names, now);
  writeAtomic(tlsPath(dataDir, SERVER_KEY), server.keyPem, 0o600);
  writeAtomic(
    tlsPath(dataDir, SERVER_CERT),
    `${server.certPem.trim()}\n${ca.certPem.trim()}\n`,
    0o644,
  );
}

async function createEverything(
  dataDir: string,
  options: SiteTlsOptions,
  now: Date,
): Promise<void> {
  const { createSiteCa } = await import('./certificate-authority');
  mkdirSync(join(dataDir, TLS_DIR), { recursive: true, mode: 0o700 });
  const ca = await createSiteCa(options.siteName ?? DEFAULT_SITE_NAME, now);
  writeAtomic(tlsPath(dataDir, CA_KEY), ca.keyPem, 0o600);
  writeAtomic(tlsPath(dataDir, CA_CERT), ca.certPem, 0o644);
  await writeServerCertificate(
    dataDir,
    ca,
    siteServerNames(options.extraNames, options.extraIps),
    now,
  );
}

function readCa(dataDir: string, caKeyFile: string | undefined): PemPair {
  const keyPath = caKeyFile ?? tlsPath(dataDir, CA_KEY);
  if (!existsSync(keyPath))
    throw new SiteTlsError(
      `找不到考点证书颁发机构的私钥，请用 --ca-key 指定离线保存的 site-ca.key (site CA key not found): ${keyPath}`,
    );
  const ca = {
    certPem: readFileSync(tlsPath(dataDir, CA_CERT), 'utf8'),
    keyPem: readFileSync(keyPath, 'utf8'),
  };
  return ca;
}

/**
 * Creates the site CA and server certificate if the data directory has none; re-issues the
 * server certificate when it misses one of this machine's names/addresses or expires within
 * 30 days (the pin, the CA's fingerprint, stays the same). Used by `serve` at every start.
 */
export async function ensureSiteTls(
  dataDir: string,
  options: SiteTlsOptions = {},
): Promise<EnsuredSiteTls> {
  const now = options.now ?? new Date();
  if (!existsSync(tlsPath(dataDir, CA_CERT))) {
    await createEverything(dataDir, options, now);
    return { tls: loadSiteTls(dataDir), created: 'site-ca' };
  }
  const required = siteServerNames(options.extraNames, options.extraIps);
  const current = existsSync(tlsPath(dataDir, SERVER_CERT)) ? loadSiteTls(dataDir) : undefined;
  const stale =
    current === undefined ||
    !coversNames(current.names, required) ||
    current.serverNotAfter.getTime() - now.getTime() < RENEW_BEFORE_MS;
  if (!stale) return { tls: current, created: undefined };
  const wanted: ServerNames =
    current === undefined
      ? required
      : {
          dnsNames: [...new Set([...required.dnsNames, ...current.names.dnsNames])],
          ipAddresses: [...new Set([...required.ipAddresses, ...current.names.ipAddresses])],
        };
  if (!existsSync(tlsPath(dataDir, CA_KEY))) {
    if (current === undefined) readCa(dataDir, undefined); // throws the clear message
    return {
      tls: current as SiteTls,
      created: undefined,
      warning:
        '服务器证书需要更新（地址变化或即将过期），但考点证书颁发机构私钥不在数据目录：请运行 proctor-server tls renew --ca-key <file> (server certificate should be renewed; the CA key is offline)',
    };
  }
  await writeServerCertificate(dataDir, readCa(dataDir, undefined), wanted, now);
  return { tls: loadSiteTls(dataDir), created: 'server-certificate' };
}

/** `tls renew`: a new server certificate from the same site CA (kiosks keep their pin). */
export async function renewServerCertificate(
  dataDir: string,
  options: SiteTlsOptions & { readonly caKeyFile?: string | undefined } = {},
): Promise<SiteTls> {
  if (!existsSync(tlsPath(dataDir, CA_CERT))) {
    await createEverything(dataDir, options, options.now ?? new Date());
    return loadSiteTls(dataDir);
  }
  const ca = readCa(dataDir, options.caKeyFile);
  await writeServerCertificate(
    dataDir,
    ca,
    siteServerNames(options.extraNames, options.extraIps),
    options.now ?? new Date(),
  );
  return loadSiteTls(dataDir);
}

/**
 * `tls replace`: a new site CA and server certificate (after a suspected key compromise). The
 * old files move to `tls/replaced-<time>/`; every kiosk must be enrolled again with the new pin.
 */
export async function replaceSiteCa(
  dataDir: string,
  options: SiteTlsOptions = {},
): Promise<SiteTls> {
  const now = options.now ?? new Date();
  const dir = join(dataDir, TLS_DIR);
  if (existsSync(dir)) {
    const archive = join(dir, `replaced-${now.toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(archive, { recursive: true, mode: 0o700 });
    for (const file of [CA_CERT, CA_KEY, SERVER_CERT, SERVER_KEY]) {
      if (existsSync(join(dir, file))) renameSync(join(dir, file), join(archive, file));
    }
  }
  await createEverything(dataDir, options, now);
  return loadSiteTls(dataDir);
}

/**
 * The pin for a kiosk enrollment (`serverCertFingerprint`, docs/decisions/0232): the site CA's
 * SHA-256 as 64 lowercase hex, or undefined when the data directory has no site certificate
 * (a server that only ever ran with `--insecure-http`).
 */
export function enrollmentPin(dataDir: string | undefined): string | undefined {
  if (dataDir === undefined || !existsSync(tlsPath(dataDir, CA_CERT))) return undefined;
  return siteCertificateFingerprint(dataDir).replace(/:/g, '').toLowerCase();
}

/** The site CA's fingerprint (`AB:CD:…`) for printed documents, or undefined without one. */
export function siteFingerprintIfPresent(dataDir: string | undefined): string | undefined {
  if (dataDir === undefined || !existsSync(tlsPath(dataDir, CA_CERT))) return undefined;
  return siteCertificateFingerprint(dataDir);
}
