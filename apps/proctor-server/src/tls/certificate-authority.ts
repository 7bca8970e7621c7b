import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/*
 * The site's small certificate authority (docs/decisions/0230): an ECDSA P-256 CA that signs the
 * proctor server's TLS certificate. Kiosks pin the CA certificate's SHA-256, so a renewed server
 * certificate (new addresses, near expiry) keeps every enrolled kiosk working; replacing the CA
 * means enrolling the kiosks again. Generation only: no files here (site-tls.ts stores them).
 * @peculiar/x509 builds the ASN.1; Node's WebCrypto makes and uses the keys.
 */

type CryptoKey = webcrypto.CryptoKey;
/** @peculiar/x509 is typed against the DOM's Crypto; Node's WebCrypto is that API. */
const provider = webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0];
const crypto = webcrypto;
const EC_KEY: webcrypto.EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const SIGNING: webcrypto.EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };
const DAY_MS = 86_400_000;
/** The CA lives ten years: replacing it means re-enrolling every kiosk. */
export const CA_VALIDITY_DAYS = 3650;
/** Server certificates are renewed automatically at start-up when fewer than 30 days remain. */
export const SERVER_VALIDITY_DAYS = 825;

export interface PemPair {
  readonly certPem: string;
  readonly keyPem: string;
}

export interface ServerNames {
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // positive
  return bytes.toString('hex');
}

function escapeDn(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1');
}

async function exportKeyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await crypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

async function importKeyPem(pem: string): Promise<CryptoKey> {
  const body = pem.replace(/-----(BEGIN|END) PRIVATE KEY-----/g, '').replace(/\s+/g, '');
  return crypto.subtle.importKey('pkcs8', Buffer.from(body, 'base64'), EC_KEY, false, ['sign']);
}

/** A new site CA: `CN=<site> 考点证书颁发机构`, path length 0 (it signs server certificates only). */
export async function createSiteCa(siteName: string, now: Date): Promise<PemPair> {
  x509.cryptoProvider.set(provider);
  const keys = await crypto.subtle.generateKey(EC_KEY, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: `CN=${escapeDn(siteName)} 考点证书颁发机构 (site CA), O=SkillExam`,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + CA_VALIDITY_DAYS * DAY_MS),
    keys,
    signingAlgorithm: SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, provider),
    ],
  });
  return {
    certPem: `${cert.toString('pem').trim()}\n`,
    keyPem: await exportKeyPem(keys.privateKey),
  };
}

/** A server certificate signed by the site CA, valid for the given host names and IPv4 addresses. */
export async function issueServerCertificate(
  ca: PemPair,
  names: ServerNames,
  now: Date,
): Promise<PemPair> {
  x509.cryptoProvider.set(provider);
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await importKeyPem(ca.keyPem);
  const keys = await crypto.subtle.generateKey(EC_KEY, true, ['sign', 'verify']);
  const commonName = names.dnsNames[0] ?? names.ipAddresses[0] ?? 'localhost';
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${escapeDn(commonName)}, O=SkillExam`,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - DAY_MS),
    notAfter: new Date(now.getTime() + SERVER_VALIDITY_DAYS * DAY_MS),
    publicKey: keys.publicKey,
    signingKey: caKey,
    signingAlgorithm: SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dnsNames.map((value) => ({ type: 'dns' as const, value })),
        ...names.ipAddresses.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, provider),
      await x509.AuthorityKeyIdentifierExtension.create(caCert, false, provider),
    ],
  });
  return {
    certPem: `${cert.toString('pem').trim()}\n`,
    keyPem: await exportKeyPem(keys.privateKey),
  };
}
