import type { DiscoveredServer } from '@skillexam/shared';

/** The parts of a bonjour-service `Service` this mapping reads (so tests need no network). */
export interface AnnouncedService {
  readonly name: string;
  readonly host?: string;
  readonly port: number;
  readonly addresses?: readonly string[];
  readonly referer?: { readonly address: string };
  readonly txt?: unknown;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function isUsableIpv4(address: string): boolean {
  const match = IPV4.exec(address);
  if (match === null) return false;
  const octets = match.slice(1).map(Number);
  return octets.every((o) => o <= 255) && octets[0] !== 0 && !address.startsWith('169.254.');
}

function txtString(txt: unknown, key: string): string | undefined {
  if (typeof txt !== 'object' || txt === null) return undefined;
  const value: unknown = (txt as Record<string, unknown>)[key];
  if (typeof value === 'string' && value.length > 0 && value.length <= 100) return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value).slice(0, 100);
  return undefined;
}

/**
 * Turns an mDNS announcement into something the kiosk can connect to: prefers an IPv4 address
 * it announced (exam-room LANs are IPv4), then the address the answer came from; refuses
 * announcements without a usable address or port.
 */
export function toDiscoveredServer(service: AnnouncedService): DiscoveredServer | undefined {
  if (!Number.isInteger(service.port) || service.port < 1 || service.port > 65_535)
    return undefined;
  const candidates = [...(service.addresses ?? []), service.referer?.address ?? ''];
  const address = candidates.find(isUsableIpv4);
  if (address === undefined) return undefined;
  const version = txtString(service.txt, 'v');
  const instanceId = txtString(service.txt, 'id');
  // HTTPS unless the server says it runs --insecure-http (TXT tls=0). The advertised certificate
  // fingerprint (TXT fp) is never taken as trust: a pinned kiosk checks its enrolled pin (0232).
  const scheme = txtString(service.txt, 'tls') === '0' ? 'http' : 'https';
  return {
    name: service.name.slice(0, 100) || 'SkillExam 考点服务器',
    url: `${scheme}://${address}:${service.port}`,
    ...(version === undefined ? {} : { version }),
    ...(instanceId === undefined ? {} : { instanceId }),
  };
}

/** One entry per server instance (or URL), in a stable order for the list. */
export function mergeDiscovered(found: readonly DiscoveredServer[]): DiscoveredServer[] {
  const byKey = new Map<string, DiscoveredServer>();
  for (const server of found) {
    const key = server.instanceId ?? server.url;
    if (!byKey.has(key)) byKey.set(key, server);
  }
  return [...byKey.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.url.localeCompare(b.url),
  );
}
