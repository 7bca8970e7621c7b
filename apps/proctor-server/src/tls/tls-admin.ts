import type { Server as HttpServer } from 'node:http';
import { CodedError, type SiteCertificate, type TlsRenewReply } from '@skillexam/shared';
import { transaction } from '@skillexam/shared/sql';
import type { Components } from '../components';
import { TlsNameError } from './site-names';
import { loadSiteTls, renewServerCertificate, SiteTlsError, type SiteTls } from './site-tls';

/*
 * The site certificate on the console's 密钥与试卷包 page (docs/decisions/0993): what
 * `tls show` prints, and `tls renew` — a new server certificate from the same site CA, so kiosks
 * keep their pin. A server that serves HTTPS loads the renewed certificate at once
 * (`setSecureContext`: new connections get it); one started with --insecure-http serves no
 * certificate, so the renewal takes effect at its next HTTPS start. `tls replace` (every kiosk
 * re-enrolled) stays on the command line.
 */

/** The part of an HTTPS server the renewal needs (node:https Server has it, node:http not). */
interface ReloadableServer {
  setSecureContext(options: { key: string; cert: string }): void;
}

function reloadable(server: HttpServer): ReloadableServer | undefined {
  const candidate = server as unknown as Partial<ReloadableServer>;
  return typeof candidate.setSecureContext === 'function'
    ? (candidate as ReloadableServer)
    : undefined;
}

function dataDirOf(components: Components): string {
  const dir = components.store.dataDir;
  if (dir === undefined)
    throw new CodedError(
      'UNAVAILABLE',
      '此服务器没有数据目录（数据库在内存中），没有考点证书 (no data directory, no site certificate)',
    );
  return dir;
}

function loaded(dataDir: string): SiteTls {
  try {
    return loadSiteTls(dataDir);
  } catch (error) {
    if (error instanceof SiteTlsError)
      throw new CodedError(
        'NOT_FOUND',
        `${error.message}；请在服务器上运行 proctor-server tls show --data <dir> (run tls show first)`,
      );
    throw error;
  }
}

function view(tls: SiteTls, server: HttpServer): SiteCertificate {
  return {
    fingerprint: tls.fingerprint,
    serverFingerprint: tls.serverFingerprint,
    serverNotAfter: tls.serverNotAfter.toISOString(),
    caNotAfter: tls.caNotAfter.toISOString(),
    dnsNames: [...tls.names.dnsNames],
    ipAddresses: [...tls.names.ipAddresses],
    caKeyInDataDir: tls.caKeyInDataDir,
    renewalTakesEffect: reloadable(server) === undefined ? 'next-start' : 'live',
  };
}

/** `tls show`, read only (the console never creates a site CA). */
export function showSiteCertificate(components: Components, server: HttpServer): SiteCertificate {
  return view(loaded(dataDirOf(components)), server);
}

/** `tls renew` with the current names kept; audited `tls.renewed` with the reason. */
export async function renewSiteCertificate(
  components: Components,
  server: HttpServer,
  reason: string,
  actor: string,
): Promise<TlsRenewReply> {
  const dataDir = dataDirOf(components);
  const current = loaded(dataDir);
  let renewed: SiteTls;
  try {
    renewed = await renewServerCertificate(dataDir, {
      extraNames: current.names.dnsNames,
      extraIps: current.names.ipAddresses,
    });
  } catch (error) {
    if (error instanceof SiteTlsError || error instanceof TlsNameError)
      throw new CodedError(
        'CONFLICT',
        `${error.message}；私钥离线保存时请在服务器上运行 proctor-server tls renew --ca-key <file> (CA key offline: renew on the command line)`,
      );
    throw error;
  }
  const live = reloadable(server);
  live?.setSecureContext({ key: renewed.key, cert: renewed.cert });
  const { store, now } = components;
  transaction(store.db, () =>
    store.audit.append(
      store.db,
      {
        actor,
        action: 'tls.renewed',
        payload: {
          reason,
          fingerprint: renewed.fingerprint,
          serverFingerprint: renewed.serverFingerprint,
          previousServerFingerprint: current.serverFingerprint,
          serverNotAfter: renewed.serverNotAfter.toISOString(),
          appliedNow: live !== undefined,
        },
      },
      now(),
    ),
  );
  return { ...view(renewed, server), appliedNow: live !== undefined };
}
