import { parseArgs } from 'node:util';
import { z } from 'zod';
import { discoveryEnabledByEnv } from './discovery/discovery-setting';

const ConfigSchema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65_535),
  dataDir: z.string().min(1),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Online backups go here: a second directory, ideally on another disk. */
  backupDir: z.string().min(1),
  /** Minutes between online backups; 0 turns them off. */
  backupIntervalMinutes: z.coerce.number().min(0).max(1440),
  backupKeep: z.coerce.number().int().min(1).max(10_000),
  /** Advertise `_skillexam._tcp` on the LAN (bonjour) so kiosks find the server. */
  discovery: z.boolean(),
  /** 考点名称: the advertised name and the default site name on documents. */
  siteName: z.string().trim().min(1).max(100).optional(),
  /** SHA-256 of the kiosk builds allowed to log in; empty accepts any. */
  requiredClientIntegrity: z.array(
    z.string().regex(/^[0-9a-f]{64}$/, 'a kiosk build hash is 64 lowercase hex characters'),
  ),
  /** Plain HTTP instead of HTTPS/WSS: development and tests only (docs/decisions/0231). */
  insecureHttp: z.boolean(),
  /** Extra host names and IPv4 addresses for the server certificate (`--tls-name`, `--tls-ip`). */
  tlsNames: z.array(z.string().min(1).max(253)),
  tlsIps: z.array(z.ipv4({ message: 'an IPv4 address such as 192.168.1.10' })),
});
export type ServerConfig = z.infer<typeof ConfigSchema>;

/**
 * Configuration from command-line flags, then environment variables, then defaults.
 * The server listens on all interfaces by default: kiosks reach it over the exam-room LAN.
 */
export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'log-level': { type: 'string' },
      'backup-dir': { type: 'string' },
      'backup-interval': { type: 'string' },
      'backup-keep': { type: 'string' },
      'no-discovery': { type: 'boolean' },
      'site-name': { type: 'string' },
      'require-client-integrity': { type: 'string', multiple: true },
      'insecure-http': { type: 'boolean' },
      'tls-name': { type: 'string', multiple: true },
      'tls-ip': { type: 'string', multiple: true },
    },
    strict: true,
  });
  const dataDir = values['data-dir'] ?? env['PROCTOR_DATA_DIR'] ?? '.data/proctor-server';
  const parsed = ConfigSchema.safeParse({
    host: values.host ?? env['PROCTOR_HOST'] ?? '0.0.0.0',
    port: values.port ?? env['PROCTOR_PORT'] ?? 7300,
    dataDir,
    logLevel: values['log-level'] ?? env['LOG_LEVEL'] ?? 'info',
    backupDir:
      values['backup-dir'] ??
      env['PROCTOR_BACKUP_DIR'] ??
      `${dataDir.replace(/[\\/]+$/, '')}-backups`,
    backupIntervalMinutes: values['backup-interval'] ?? env['PROCTOR_BACKUP_INTERVAL_MINUTES'] ?? 5,
    backupKeep: values['backup-keep'] ?? env['PROCTOR_BACKUP_KEEP'] ?? 48,
    discovery: values['no-discovery'] === true ? false : discoveryEnabledByEnv(env),
    siteName: values['site-name'] ?? env['PROCTOR_SITE_NAME'],
    requiredClientIntegrity: (
      values['require-client-integrity'] ??
      (env['PROCTOR_REQUIRED_CLIENT_INTEGRITY'] ?? '').split(',')
    )
      .flatMap((value) => value.split(','))
      .map((value) => value.trim().toLowerCase())
      .filter((value) => value !== ''),
    insecureHttp:
      values['insecure-http'] === true || /^(1|true|on)$/i.test(env['PROCTOR_INSECURE_HTTP'] ?? ''),
    tlsNames: listOption(values['tls-name'], env['PROCTOR_TLS_NAMES']),
    tlsIps: listOption(values['tls-ip'], env['PROCTOR_TLS_IPS']),
  });
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map(
        (i) =>
          `--${FLAG_OF[String(i.path[0])] ?? String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`,
      )
      .join('; ');
    throw new Error(`Invalid proctor-server configuration: ${detail}`);
  }
  return parsed.data;
}

/** Settings whose flag is not simply the kebab-case of their name. */
const FLAG_OF: Readonly<Record<string, string>> = { tlsIps: 'tls-ip', tlsNames: 'tls-name' };

/** A repeatable flag, or a comma-separated environment variable. */
function listOption(flag: string[] | undefined, env: string | undefined): string[] {
  return (flag ?? (env ?? '').split(','))
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}
