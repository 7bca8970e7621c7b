import type { DiscoveredServer } from '@skillexam/shared';
import { Bonjour } from 'bonjour-service';
import { mergeDiscovered, toDiscoveredServer } from './discovered-server';

/** The service type the proctor server advertises (`_skillexam._tcp`). */
export const DISCOVERY_SERVICE_TYPE = 'skillexam';

/**
 * Browses the LAN for proctor servers for `durationMs` and returns what answered. Never throws:
 * a machine without multicast simply finds nothing, and the candidate types the address.
 */
export async function browseExamServers(durationMs = 3_000): Promise<DiscoveredServer[]> {
  let bonjour: Bonjour;
  try {
    bonjour = new Bonjour();
  } catch {
    return [];
  }
  const found: DiscoveredServer[] = [];
  try {
    const browser = bonjour.find({ type: DISCOVERY_SERVICE_TYPE, protocol: 'tcp' }, (service) => {
      const server = toDiscoveredServer(service);
      if (server !== undefined) found.push(server);
    });
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    browser.stop();
  } catch {
    // multicast unavailable: report what we have (usually nothing)
  } finally {
    await new Promise<void>((resolve) => bonjour.destroy(() => resolve()));
  }
  return mergeDiscovered(found);
}
