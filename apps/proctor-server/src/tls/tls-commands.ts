import { InvalidInputError } from '@skillexam/shared';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskSummary } from '@skillexam/shared';
import type { Command } from 'commander';
import { openStore } from '../db/store';
import { revokeAllKiosks } from '../kiosks/kiosk-registry';
import { cliActor, output } from '../cli/cli-io';
import { TlsNameError } from './site-names';
import {
  ensureSiteTls,
  renewServerCertificate,
  replaceSiteCa,
  SiteTlsError,
  type SiteTls,
} from './site-tls';

/*
 * `proctor-server tls show|renew|replace` (docs/decisions/0230): print the site certificate and
 * its fingerprint (creating it if the data directory has none), re-issue the server certificate
 * from the same site CA (kiosks keep their pin), or replace the whole site CA (every kiosk is
 * revoked, audited, and must be enrolled again).
 */

interface TlsOptions {
  data: string;
  siteName?: string;
  tlsName?: string[];
  tlsIp?: string[];
  caKey?: string;
  json?: boolean;
}

function describe(tls: SiteTls): Record<string, unknown> {
  return {
    fingerprint: tls.fingerprint,
    serverFingerprint: tls.serverFingerprint,
    serverNotAfter: tls.serverNotAfter.toISOString(),
    caNotAfter: tls.caNotAfter.toISOString(),
    dnsNames: tls.names.dnsNames,
    ipAddresses: tls.names.ipAddresses,
    caKeyInDataDir: tls.caKeyInDataDir,
  };
}

function humanLines(tls: SiteTls, headline: string): string[] {
  return [
    headline,
    `考点证书指纹 (site CA SHA-256, kiosks pin this): ${tls.fingerprint}`,
    `服务器证书指纹 (server certificate SHA-256): ${tls.serverFingerprint}`,
    `服务器证书有效期至 (server certificate valid until): ${tls.serverNotAfter.toISOString()}`,
    `考点证书有效期至 (site CA valid until): ${tls.caNotAfter.toISOString()}`,
    `名称 (names): ${[...tls.names.dnsNames, ...tls.names.ipAddresses].join(', ')}`,
    tls.caKeyInDataDir
      ? '考点证书私钥在数据目录中 (site CA key: in the data directory)'
      : '考点证书私钥不在数据目录中 (site CA key: kept offline)',
  ];
}

async function run<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof SiteTlsError || error instanceof TlsNameError)
      throw new InvalidInputError(error.message);
    throw error;
  }
}

/**
 * Kiosks pin the old CA and can no longer reach the server: every live kiosk is revoked in one
 * audited transaction (reason `site-ca-replaced`), so each name can be enrolled again at once.
 */
function revokeKiosksOfOldCa(data: string): KioskSummary[] {
  if (!existsSync(join(data, 'server.db'))) return [];
  const store = openStore(data);
  try {
    return revokeAllKiosks(store.db, store.audit, cliActor(), Date.now(), 'site-ca-replaced');
  } finally {
    store.close();
  }
}

function withNameOptions(command: Command): Command {
  return command
    .requiredOption('--data <dir>', 'data directory')
    .option('--site-name <name>', '考点名称 (site name, for a new site CA)')
    .option('--tls-name <name...>', '附加主机名 (extra host names)')
    .option('--tls-ip <ip...>', '附加 IPv4 地址 (extra IPv4 addresses)')
    .option('--json', 'print JSON');
}

export function addTlsCommands(program: Command): void {
  const tls = program.command('tls').description('考点证书 (the site TLS certificate)');
  withNameOptions(
    tls
      .command('show')
      .description('显示考点证书和指纹；没有则创建 (show, creating it if missing)'),
  ).action(async (opts: TlsOptions) => {
    const ensured = await run(() =>
      ensureSiteTls(opts.data, {
        siteName: opts.siteName,
        extraNames: opts.tlsName ?? [],
        extraIps: opts.tlsIp ?? [],
      }),
    );
    output(
      opts.json === true,
      { ...describe(ensured.tls), created: ensured.created ?? null },
      () => [
        ...humanLines(
          ensured.tls,
          ensured.created === undefined ? '考点证书' : `已创建 (created): ${ensured.created}`,
        ),
        ...(ensured.warning === undefined ? [] : [ensured.warning]),
      ],
    );
  });
  withNameOptions(
    tls
      .command('renew')
      .description(
        '用同一考点证书颁发机构重新签发服务器证书，考试机无需重新登记 (new server certificate, same pin)',
      ),
  )
    .option('--ca-key <file>', '离线保存的 site-ca.key (the offline CA key)')
    .action(async (opts: TlsOptions) => {
      const renewed = await run(() =>
        renewServerCertificate(opts.data, {
          siteName: opts.siteName,
          extraNames: opts.tlsName ?? [],
          extraIps: opts.tlsIp ?? [],
          caKeyFile: opts.caKey,
        }),
      );
      output(opts.json === true, describe(renewed), () =>
        humanLines(renewed, '已更新服务器证书；请重启服务器 (renewed; restart the server)'),
      );
    });
  withNameOptions(
    tls
      .command('replace')
      .description(
        '更换考点证书颁发机构；所有考试机须重新登记 (new site CA: re-enroll every kiosk)',
      ),
  ).action(async (opts: TlsOptions) => {
    const replaced = await run(() =>
      replaceSiteCa(opts.data, {
        siteName: opts.siteName,
        extraNames: opts.tlsName ?? [],
        extraIps: opts.tlsIp ?? [],
      }),
    );
    const revoked = revokeKiosksOfOldCa(opts.data);
    output(
      opts.json === true,
      { ...describe(replaced), revokedKiosks: revoked.map((k) => k.kioskId) },
      () => [
        ...humanLines(
          replaced,
          '已更换考点证书；请重启服务器并重新登记所有考试机 (replaced; restart the server and re-enroll every kiosk)',
        ),
        `已注销 ${revoked.length} 台考试机，其考生会话已结束；请逐台重新登记 (revoked ${revoked.length} kiosks and their sessions: enroll each again)${
          revoked.length === 0 ? '' : `: ${revoked.map((k) => k.name).join(', ')}`
        }`,
      ],
    );
  });
}
