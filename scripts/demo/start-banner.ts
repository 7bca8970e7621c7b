import type { DemoSite } from './demo-site';

/** What `npm start` has running, for the lines it prints. */
export interface RunningDemo {
  readonly site: DemoSite;
  readonly proctorUrl: string;
  /** The web shell in kiosk mode: the candidate client. */
  readonly kioskUrl: string;
  /** The web shell in author mode: the workbench. */
  readonly workbenchUrl: string;
  readonly electronKiosk: boolean;
  readonly siteCaFile: string;
  readonly fingerprint: string;
  readonly seconds: string;
}

/**
 * The candidate client's address: the kiosk page takes the proctor server from `?server=`
 * (KioskLogin), so the login form is filled in whatever port the server runs on.
 */
export function candidateClientUrl(kioskUrl: string, proctorUrl: string): string {
  return `${kioskUrl}/?server=${proctorUrl}`;
}

/**
 * The lines `npm start` prints once everything listens. README's walkthrough follows them and
 * apps/desktop/e2e/newcomer-walkthrough.spec.ts parses them: change the three together.
 */
export function startBanner(demo: RunningDemo): string[] {
  const { site } = demo;
  const first = site.candidates[0];
  const lines = [
    '',
    `  职业技能等级认定理论考试系统 · SkillExam is running (ready in ${demo.seconds} s)`,
    '',
    `  考生端 Candidate client:        ${candidateClientUrl(demo.kioskUrl, demo.proctorUrl)}`,
    '    考生在浏览器中登录参加示例考试（网页考试客户端，示例场次允许使用）',
    '    candidates sit the demo exam here (the kiosk in a browser; the demo session allows it)',
  ];
  if (demo.electronKiosk)
    lines.push('  考试机 Electron kiosk:           opened in its own window (enrolled exam PC)');
  lines.push(
    `  监考控制台 Proctor console:      ${demo.proctorUrl}/console`,
    `  出题/题库 Author workbench:      ${demo.workbenchUrl}/#/author  (bank: ${site.bankFile})`,
    `  Proctor server health:          ${demo.proctorUrl}/api/health`,
    `  考点证书 Site CA (HTTPS):        ${demo.siteCaFile}`,
    `    SHA-256 指纹 fingerprint:      ${demo.fingerprint}`,
    '    浏览器提示证书不受信任时：把上面的 site-ca.crt 安装为受信任的根证书，或核对指纹后继续 (docs/deployment.md, HTTPS)',
    '',
    `  场次 Session: ${site.sessionId} · 考生名单与考试码 roster and exam codes: ${site.candidatesCsv}`,
  );
  if (first !== undefined) {
    lines.push(
      `  试考考生 Try a candidate: 准考证号 ${first.ticket}  考试码 ${first.code}  (${first.name})`,
    );
  }
  lines.push(`  准考证 Admission slips: ${site.slipsPdf}`, '');
  if (site.newAccounts !== undefined) {
    lines.push(
      '  考务人员账号 Staff accounts (密码只显示这一次 passwords are shown ONCE; write them down):',
    );
    for (const a of site.newAccounts)
      lines.push(`    ${a.role.padEnd(10)} ${a.username.padEnd(12)} ${a.password}`);
  } else {
    lines.push(
      '  考务人员账号 Staff accounts: admin / proctor1 / supervisor1 (passwords were printed on the first run; `npm start -- --reset` builds a new demo site)',
    );
  }
  lines.push(
    '',
    '  演示流程 Walkthrough: README.md「演示：参加一场示例考试 · Walkthrough」',
    '  按 Ctrl+C 停止 Press Ctrl+C to stop.',
  );
  return lines;
}
