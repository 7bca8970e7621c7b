import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { promisify } from 'node:util';
import type { MachineFacts } from './security/detection';

const run = promisify(execFile);

async function quiet(command: string, args: string[]): Promise<string> {
  try {
    return (await run(command, args, { timeout: 10_000, windowsHide: true })).stdout;
  } catch {
    return '';
  }
}

/** System strings and MAC addresses for `vmIndicators` (Windows and Linux). */
export async function machineFacts(): Promise<MachineFacts> {
  const macAddresses = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((nic) => !nic.internal && nic.mac !== '00:00:00:00:00:00')
    .map((nic) => nic.mac);
  let systemStrings: string[];
  if (process.platform === 'win32') {
    const out = await quiet('powershell.exe', [
      '-NoProfile',
      '-Command',
      '(Get-CimInstance Win32_ComputerSystem | % { $_.Manufacturer; $_.Model }); (Get-CimInstance Win32_BIOS).Manufacturer',
    ]);
    systemStrings = out.split(/\r?\n/).filter(Boolean);
  } else {
    const files = ['sys_vendor', 'product_name', 'bios_vendor'].map((f) =>
      readFile(`/sys/class/dmi/id/${f}`, 'utf8').catch(() => ''),
    );
    systemStrings = (await Promise.all(files)).map((s) => s.trim()).filter(Boolean);
  }
  return { systemStrings, macAddresses };
}

/** Names of running processes, for `remoteTools`. */
export async function processNames(): Promise<string[]> {
  if (process.platform === 'win32') {
    const out = await quiet('tasklist.exe', ['/fo', 'csv', '/nh']);
    return out
      .split(/\r?\n/)
      .map((line) => line.split('","')[0]?.replace(/^"/, '') ?? '')
      .filter(Boolean);
  }
  const out = await quiet('ps', ['-eo', 'comm=']);
  return out
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}
