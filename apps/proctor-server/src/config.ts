import { parseArgs } from 'node:util';
import { z } from 'zod';

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
  });
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map(
        (i) =>
          `--${String(i.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`,
      )
      .join('; ');
    throw new Error(`Invalid proctor-server configuration: ${detail}`);
  }
  return parsed.data;
}
