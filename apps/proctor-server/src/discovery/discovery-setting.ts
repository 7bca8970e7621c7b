/*
 * Whether `serve` advertises itself on the LAN; kept apart from advertise.ts so reading the
 * configuration does not load the mDNS stack.
 */

/** Discovery is on unless `--no-discovery`, PROCTOR_DISCOVERY=0|off, or running under Vitest. */
export function discoveryEnabledByEnv(env: NodeJS.ProcessEnv): boolean {
  const flag = env['PROCTOR_DISCOVERY']?.toLowerCase();
  if (flag === '0' || flag === 'off' || flag === 'false') return false;
  if (flag === '1' || flag === 'on' || flag === 'true') return true;
  return env['VITEST'] === undefined;
}
