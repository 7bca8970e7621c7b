import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveKioskSettings } from '../discovery/kiosk-settings';
import { ExamService } from './exam-service';

const service = (extra: Partial<ConstructorParameters<typeof ExamService>[0]> = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'exam-service-'));
  const settingsFile = join(dir, 'kiosk-settings.json');
  return {
    settingsFile,
    exam: new ExamService({
      journalDir: join(dir, 'journals'),
      clientKind: 'web',
      publish: () => undefined,
      settingsFile,
      discoveryMs: 200,
      ...extra,
    }),
  };
};

describe('ExamService', () => {
  it('lists the remembered server with what the LAN browse found', async () => {
    const { exam, settingsFile } = service();
    expect((await exam.discoverServers()).remembered).toBeUndefined();
    saveKioskSettings(settingsFile, { serverUrl: 'http://192.168.1.10:7300' });
    const found = await exam.discoverServers();
    expect(found.remembered).toBe('http://192.168.1.10:7300');
    expect(Array.isArray(found.servers)).toBe(true);
  });

  it('a kiosk whose enrollment file could not be used says why instead of logging in', async () => {
    const problem =
      '考试机登记文件版本过旧，请重新登记 (enrollment file is outdated: enroll this PC again)';
    const { exam } = service({ clientKind: 'kiosk', enrollmentProblem: problem });
    await expect(
      exam.login({ serverUrl: 'http://127.0.0.1:9', admissionTicketNumber: '1', examCode: 'X' }),
    ).rejects.toThrow(problem);
    expect((await exam.discoverServers()).remembered).toBeUndefined();
  });

  it('explains an unreachable server at login, and remembers nothing', async () => {
    const { exam } = service();
    await expect(
      exam.login({ serverUrl: 'http://127.0.0.1:9', admissionTicketNumber: '1', examCode: 'X' }),
    ).rejects.toThrow(/无法连接考点服务器 http:\/\/127\.0\.0\.1:9.*请检查网线或联系监考老师/);
    expect((await exam.discoverServers()).remembered).toBeUndefined();
  });

  it('has no exit gate in the web shell, and passes the current server to the gate in Electron', async () => {
    await expect(service().exam.exit({ username: 'p', password: 'x' })).rejects.toThrow(
      /直接关闭页面/,
    );
    const calls: (string | undefined)[] = [];
    const { exam, settingsFile } = service({
      exit: async (_input, serverUrl) => {
        calls.push(serverUrl);
      },
    });
    saveKioskSettings(settingsFile, { serverUrl: 'http://10.0.0.7:7300' });
    expect(await exam.exit({ username: 'p', password: 'x' })).toEqual({ done: true });
    expect(calls).toEqual(['http://10.0.0.7:7300']);
  });

  it('refuses exam calls before login', async () => {
    const { exam } = service();
    await expect(exam.identity()).rejects.toThrow(/请先登录/);
    expect(() => exam.status()).toThrow(/请先登录/);
  });
});
