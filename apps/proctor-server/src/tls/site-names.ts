import { hostname, networkInterfaces } from 'node:os';
import { isIPv4 } from 'node:net';
import type { ServerNames } from './certificate-authority';

/*
 * The names a server certificate covers: this machine's host name, `localhost`, 127.0.0.1, every
 * non-internal IPv4 address of its network cards (kiosks type or discover an IPv4 address), and
 * the extra names and addresses given with `--tls-name` / `--tls-ip`.
 */

const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export class TlsNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TlsNameError';
  }
}

/** Non-internal IPv4 addresses of this machine (link-local 169.254.x.x left out). */
export function lanIpv4Addresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((nic) => nic.family === 'IPv4' && !nic.internal && !nic.address.startsWith('169.254.'))
    .map((nic) => nic.address);
}

/** The certificate's names: defaults plus extras, validated, de-duplicated, in a stable order. */
export function siteServerNames(
  extraNames: readonly string[] = [],
  extraIps: readonly string[] = [],
): ServerNames {
  for (const name of extraNames) {
    if (!HOST_NAME.test(name))
      throw new TlsNameError(`--tls-name: 不是有效的主机名 (not a valid host name): ${name}`);
  }
  for (const ip of extraIps) {
    if (!isIPv4(ip))
      throw new TlsNameError(`--tls-ip: 不是有效的 IPv4 地址 (not a valid IPv4 address): ${ip}`);
  }
  const host = hostname();
  const dnsNames = [
    ...(HOST_NAME.test(host) ? [host.toLowerCase()] : []),
    'localhost',
    ...extraNames.map((name) => name.toLowerCase()),
  ];
  const ipAddresses = ['127.0.0.1', ...lanIpv4Addresses(), ...extraIps];
  return { dnsNames: [...new Set(dnsNames)], ipAddresses: [...new Set(ipAddresses)] };
}
