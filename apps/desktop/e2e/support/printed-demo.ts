/*
 * What `npm start` (scripts/start.ts) prints for a newcomer, read back the way a person reads it:
 * the addresses, the candidate to try and the staff passwords. A line the README promises but the
 * launcher no longer prints fails here by name.
 */

export interface PrintedDemo {
  /** 考生端 Candidate client: the kiosk in a browser, with the server in `?server=`. */
  readonly candidateUrl: string;
  /** 监考控制台 Proctor console. */
  readonly consoleUrl: string;
  /** 出题/题库 Author workbench. */
  readonly workbenchUrl: string;
  readonly bankFile: string;
  readonly siteCaFile: string;
  readonly ticket: string;
  readonly code: string;
  readonly candidateName: string;
  /** username → password, from the first run's staff account lines. */
  readonly passwords: ReadonlyMap<string, string>;
}

function field(printed: string, pattern: RegExp, what: string): RegExpMatchArray {
  const match = printed.match(pattern);
  if (match === null)
    throw new Error(`npm start printed no ${what} (expected ${pattern}):\n${printed}`);
  return match;
}

export function parsePrintedDemo(printed: string): PrintedDemo {
  const candidate = field(
    printed,
    /试考考生 Try a candidate: 准考证号 (\S+)\s+考试码 (\S+)\s+\((.+)\)/,
    'candidate to try',
  );
  const workbench = field(
    printed,
    /出题\/题库 Author workbench:\s+(\S+)\s+\(bank: (.+)\)/,
    'workbench address',
  );
  const passwords = new Map<string, string>();
  for (const line of printed.matchAll(/^ {4}(admin|proctor|supervisor) +(\S+) +(\S+)$/gm))
    passwords.set(line[2] ?? '', line[3] ?? '');
  if (passwords.size === 0) throw new Error(`npm start printed no staff passwords:\n${printed}`);
  return {
    candidateUrl: field(printed, /考生端 Candidate client:\s+(\S+)/, 'candidate client')[1] ?? '',
    consoleUrl: field(printed, /监考控制台 Proctor console:\s+(\S+)/, 'console address')[1] ?? '',
    workbenchUrl: workbench[1] ?? '',
    bankFile: workbench[2] ?? '',
    siteCaFile: field(printed, /考点证书 Site CA \(HTTPS\):\s+(\S+)/, 'site CA')[1] ?? '',
    ticket: candidate[1] ?? '',
    code: candidate[2] ?? '',
    candidateName: candidate[3] ?? '',
    passwords,
  };
}
