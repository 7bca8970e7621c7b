/*
 * What the kiosk detects and cannot prevent (docs/architecture.md#security-model): it reports to
 * the proctor, it does not block. Pure functions over facts main collects (screen list, process
 * names, network interfaces, system strings), so every rule is unit tested.
 */

export interface DisplayInfo {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly internal?: boolean;
}

/** A kiosk may show on exactly one display; a second one could mirror the exam elsewhere. */
export function describeDisplays(displays: readonly DisplayInfo[]): string | undefined {
  if (displays.length <= 1) return undefined;
  const list = displays.map((d) => `${d.width}×${d.height}`).join(', ');
  return `检测到 ${displays.length} 个显示器 (${list})`;
}

/** MAC address prefixes (OUI) that virtual machine products assign to virtual NICs. */
const VM_MAC_PREFIXES: Record<string, string> = {
  '00:05:69': 'VMware',
  '00:0c:29': 'VMware',
  '00:1c:14': 'VMware',
  '00:50:56': 'VMware',
  '08:00:27': 'VirtualBox',
  '0a:00:27': 'VirtualBox',
  '52:54:00': 'QEMU/KVM',
  '00:15:5d': 'Hyper-V',
  '00:1c:42': 'Parallels',
  '00:16:3e': 'Xen',
};

const VM_VENDOR_WORDS = [
  ['vmware', 'VMware'],
  ['virtualbox', 'VirtualBox'],
  ['innotek', 'VirtualBox'],
  ['qemu', 'QEMU/KVM'],
  ['kvm', 'QEMU/KVM'],
  ['bochs', 'Bochs'],
  ['parallels', 'Parallels'],
  ['xen', 'Xen'],
  ['virtual machine', 'Hyper-V'],
] as const;

export interface MachineFacts {
  /** System manufacturer / product / BIOS strings, as the OS reports them. */
  readonly systemStrings: readonly string[];
  readonly macAddresses: readonly string[];
}

/** Names of the virtualisation products the facts point to (empty: looks like real hardware). */
export function vmIndicators(facts: MachineFacts): string[] {
  const found = new Set<string>();
  for (const mac of facts.macAddresses) {
    const product = VM_MAC_PREFIXES[mac.toLowerCase().replace(/-/g, ':').slice(0, 8)];
    if (product !== undefined) found.add(product);
  }
  for (const text of facts.systemStrings) {
    const lower = text.toLowerCase();
    for (const [word, product] of VM_VENDOR_WORDS) {
      if (new RegExp(`(^|[^a-z])${word}([^a-z]|$)`).test(lower)) found.add(product);
    }
  }
  return [...found].sort();
}

/** Remote-control tools common on Chinese and international PCs, by process name. */
const REMOTE_TOOLS: readonly (readonly [RegExp, string])[] = [
  [/^teamviewer(_service)?(\.exe)?$/i, 'TeamViewer'],
  [/^anydesk(\.exe)?$/i, 'AnyDesk'],
  [/^todesk(_service)?(\.exe)?$/i, 'ToDesk'],
  [/^sunloginclient(\.exe)?$/i, '向日葵 (Sunlogin)'],
  [/^rustdesk(\.exe)?$/i, 'RustDesk'],
  [/^(winvnc|tvnserver|vncserver|x11vnc|vino-server|uvnc_service)(\.exe)?$/i, 'VNC'],
  [/^remoting_host(\.exe)?$/i, 'Chrome Remote Desktop'],
  [/^srserver(\.exe)?$/i, 'Splashtop'],
  [/^(logmein|lmiguardiansvc)(\.exe)?$/i, 'LogMeIn'],
  [/^(rserver3|radmin)(\.exe)?$/i, 'Radmin'],
  [/^ammyy_admin(\.exe)?$/i, 'Ammyy Admin'],
  [/^ultraviewer(_desktop|_service)?(\.exe)?$/i, 'UltraViewer'],
  [/^rdpclip(\.exe)?$/i, 'Windows 远程桌面会话'],
];

/** The remote-control tools among the running process names, each named once. */
export function remoteTools(processNames: readonly string[]): string[] {
  const found = new Set<string>();
  for (const name of processNames) {
    const base = name.split(/[\\/]/).pop() ?? name;
    for (const [pattern, tool] of REMOTE_TOOLS) if (pattern.test(base)) found.add(tool);
  }
  return [...found].sort();
}
