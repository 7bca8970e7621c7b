import { Bonjour } from 'bonjour-service';
import type { Logger } from 'pino';

/*
 * LAN discovery (contract B↔D): the server advertises `_skillexam._tcp` over mDNS/DNS-SD so
 * kiosks find it without typing an address. Advertising is best effort: a network without
 * multicast only loses discovery (logged), never the server.
 */

export const DISCOVERY_SERVICE_TYPE = 'skillexam';
export const DEFAULT_DISCOVERY_NAME = 'SkillExam 考点服务器';

export interface AdvertiseOptions {
  /** The site name, or the default name. */
  readonly name?: string | undefined;
  readonly port: number;
  readonly version: string;
  /** Stable per data directory: the server's signing key id. */
  readonly instanceId: string;
  /**
   * SHA-256 of the site CA (`AB:CD:…`), advertised as TXT `fp` (64 hex, no colons) for people and
   * tools looking at the LAN (e.g. `avahi-browse -r`) to compare with the printed fingerprint. The
   * kiosk does not read it: kiosks trust only the fingerprint from their enrollment, never one
   * from the LAN (docs/decisions/0232). Absent with `--insecure-http`.
   */
  readonly fingerprint?: string | undefined;
  /** Multicast interface address (tests use 127.0.0.1); default all interfaces. */
  readonly interfaceAddress?: string;
}

export interface Advertisement {
  readonly name: string;
  stop(): Promise<void>;
}

export function advertiseServer(options: AdvertiseOptions, logger: Logger): Advertisement {
  // bonjour-service passes its options to multicast-dns (interface, loopback…), which its type omits.
  const mdnsOptions: Record<string, unknown> =
    options.interfaceAddress === undefined
      ? {}
      : // bind to all addresses: a socket bound to the interface address misses multicast
        { interface: options.interfaceAddress, bind: '0.0.0.0', loopback: true };
  const bonjour = new Bonjour(mdnsOptions, (err: unknown) => {
    logger.warn({ err }, 'LAN discovery unavailable (mDNS error)');
  });
  const name =
    options.name?.trim() === '' || options.name === undefined
      ? DEFAULT_DISCOVERY_NAME
      : options.name.trim();
  const service = bonjour.publish({
    name,
    type: DISCOVERY_SERVICE_TYPE,
    port: options.port,
    txt: {
      v: options.version,
      id: options.instanceId,
      ...(options.fingerprint === undefined
        ? { tls: '0' }
        : { tls: '1', fp: options.fingerprint.replace(/:/g, '').toLowerCase() }),
    },
  });
  service.on('error', (err: unknown) => {
    logger.warn({ err }, 'LAN discovery: could not publish the service');
  });
  logger.info(
    { name, type: `_${DISCOVERY_SERVICE_TYPE}._tcp`, port: options.port },
    'advertising on the LAN',
  );
  let stopped = false;
  return {
    name,
    stop() {
      if (stopped) return Promise.resolve();
      stopped = true;
      return new Promise<void>((resolve) => {
        bonjour.unpublishAll(() => {
          bonjour.destroy(() => resolve());
        });
      });
    },
  };
}
