import { parseArgs } from 'node:util';
import { z } from 'zod';

const ConfigSchema = z.object({
  host: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65_535),
  dataDir: z.string().min(1),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
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
    },
    strict: true,
  });
  const parsed = ConfigSchema.safeParse({
    host: values.host ?? env['PROCTOR_HOST'] ?? '0.0.0.0',
    port: values.port ?? env['PROCTOR_PORT'] ?? 7300,
    dataDir: values['data-dir'] ?? env['PROCTOR_DATA_DIR'] ?? '.data/proctor-server',
    logLevel: values['log-level'] ?? env['LOG_LEVEL'] ?? 'info',
  });
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `--${String(i.path[0])}: ${i.message}`)
      .join('; ');
    throw new Error(`Invalid proctor-server configuration: ${detail}`);
  }
  return parsed.data;
}
