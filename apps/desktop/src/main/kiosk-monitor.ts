import type { BrowserWindow, Screen } from 'electron';
import type { ExamService } from '../host/exam-agent/exam-service';
import { describeDisplays, remoteTools, vmIndicators } from './security/detection';
import { machineFacts, processNames } from './system-facts';

const SCAN_INTERVAL_MS = 60_000;

/**
 * Watches the kiosk window and the machine and reports to the proctors through the exam
 * agent: focus lost/regained, display changes, VM indicators, remote-control tools.
 * Each finding is reported once until it changes.
 */
export function startKioskMonitor(
  win: BrowserWindow,
  screen: Screen,
  exam: ExamService,
): () => void {
  const reported = new Set<string>();
  const once = (kind: 'vm_suspected' | 'remote_tool_found', detail: string) => {
    const key = `${kind}:${detail}`;
    if (reported.has(key)) return;
    reported.add(key);
    exam.reportKioskEvent(kind, detail);
  };
  win.on('blur', () => exam.reportKioskEvent('focus_lost', ''));
  win.on('focus', () => exam.reportKioskEvent('focus_regained', ''));
  const displays = () => {
    const detail = describeDisplays(
      screen.getAllDisplays().map((d) => ({ id: d.id, ...d.size, internal: d.internal })),
    );
    exam.reportKioskEvent('display_changed', detail ?? '单个显示器');
  };
  screen.on('display-added', displays);
  screen.on('display-removed', displays);
  if (describeDisplays(screen.getAllDisplays().map((d) => ({ id: d.id, ...d.size }))) !== undefined)
    displays();

  const scan = async () => {
    const vms = vmIndicators(await machineFacts());
    if (vms.length > 0) once('vm_suspected', vms.join(', '));
    const tools = remoteTools(await processNames());
    if (tools.length > 0) once('remote_tool_found', tools.join(', '));
  };
  void scan();
  const timer = setInterval(() => void scan(), SCAN_INTERVAL_MS);
  return () => {
    clearInterval(timer);
    screen.removeListener('display-added', displays);
    screen.removeListener('display-removed', displays);
  };
}
