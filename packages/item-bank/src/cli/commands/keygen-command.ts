import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { generateServerKeyPair, generateSigningKeyPair } from '../../exam-package/key-pairs';
import { emit, InvalidInputError, type CliIo } from '../cli-context';

export const KEY_FILES = {
  signingPrivate: 'signing.key.pem',
  signingPublic: 'signing.pub.pem',
  sitePrivate: 'site.key.pem',
  sitePublic: 'site.pub.pem',
} as const;

/** `qbank keygen`: the bank's Ed25519 signing pair and a site server's X25519 pair. */
export function registerKeygen(program: Command, io: CliIo): void {
  program
    .command('keygen')
    .description('生成密钥：题库签名密钥（Ed25519）与考点服务器密钥（X25519）')
    .requiredOption('--out <dir>', '输出目录（不覆盖已有密钥）')
    .option('--json', '以 JSON 输出')
    .action((options: { out: string; json?: boolean }) => {
      const files = Object.values(KEY_FILES).map((name) => join(options.out, name));
      const existing = files.filter((file) => existsSync(file));
      if (existing.length > 0) {
        throw new InvalidInputError(`密钥文件已存在，不会覆盖：${existing.join('，')}`);
      }
      mkdirSync(options.out, { recursive: true });
      const signing = generateSigningKeyPair();
      const site = generateServerKeyPair();
      const write = (name: string, pem: string, secret: boolean) =>
        writeFileSync(join(options.out, name), pem, { mode: secret ? 0o600 : 0o644, flag: 'wx' });
      write(KEY_FILES.signingPrivate, signing.privateKeyPem, true);
      write(KEY_FILES.signingPublic, signing.publicKeyPem, false);
      write(KEY_FILES.sitePrivate, site.privateKeyPem, true);
      write(KEY_FILES.sitePublic, site.publicKeyPem, false);
      const data = {
        dir: options.out,
        signingKeyId: signing.keyId,
        siteKeyId: site.keyId,
        files: Object.fromEntries(
          Object.entries(KEY_FILES).map(([k, name]) => [k, join(options.out, name)]),
        ),
      };
      emit(io, options.json, data, () =>
        [
          `已生成密钥到 ${options.out}：`,
          `  题库签名密钥 ${signing.keyId}：${KEY_FILES.signingPrivate}（私钥，妥善保管）/ ${KEY_FILES.signingPublic}（配置到考点服务器）`,
          `  考点服务器密钥 ${site.keyId}：${KEY_FILES.sitePrivate}（私钥，只放在考点服务器）/ ${KEY_FILES.sitePublic}（打包时使用）`,
        ].join('\n'),
      );
    });
}
