import { writeFileSync } from 'node:fs';
import { CodedError } from '@skillexam/shared';
import type { Command } from 'commander';
import { PaperRecordSchema, type PaperRecord } from '../../assembly/paper-record';
import { createAssemblyRepository } from '../../db/assembly-repository';
import type { Bank } from '../../db/open-bank';
import { ExamPackageError } from '../../exam-package/exam-package-error';
import { openExamPackage, verifyExamPackage } from '../../exam-package/read-exam-package';
import { bankOperator } from '../../workflows/actor';
import { packageForSite, type SitePackage } from '../../workflows/package-for-site';
import { defaultActor, emit, InvalidInputError, withBankAsync, type CliIo } from '../cli-context';
import { withCliProgress } from '../cli-progress-run';
import { readInputFile } from '../read-input-file';

const text = (file: string) => new TextDecoder('utf-8').decode(readInputFile(file));

export function readPaperRecord(file: string): PaperRecord {
  let value: unknown;
  try {
    value = JSON.parse(text(file));
  } catch {
    throw new InvalidInputError(`试卷文件 ${file} 不是有效的 JSON`);
  }
  const result = PaperRecordSchema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map(
      (issue) => `字段 ${issue.path.join('.') || '（整个文件）'}：${issue.message}`,
    );
    throw new InvalidInputError(
      `试卷文件 ${file} 无效（应为 qbank assemble 写出的 paper-X.json）：\n  - ${issues.join('\n  - ')}`,
      { issues },
    );
  }
  return result.data;
}

interface PackageOptions {
  bank: string;
  paper: string;
  out: string;
  signingKey: string;
  siteKey: string;
  json?: boolean;
}

async function packagePaper(bank: Bank, options: PackageOptions, io: CliIo) {
  const record = readPaperRecord(options.paper);
  let built: SitePackage;
  try {
    const papers = createAssemblyRepository(bank.db, bank.standards);
    const deps = { papers, items: bank.items, clock: bank.clock };
    built = await withCliProgress(io, options.json, (progress) =>
      packageForSite(deps, bankOperator(defaultActor()), {
        record,
        recipientPublicKeyPem: text(options.siteKey),
        readSigningKey: () => text(options.signingKey),
        progress,
      }),
    );
  } catch (error) {
    // The bank's own refusals pass through; a bad key PEM gets the options named.
    if (
      !(error instanceof CodedError) &&
      (error instanceof TypeError || (error instanceof Error && /key/i.test(error.message)))
    ) {
      throw new InvalidInputError(
        `无法打包：${error.message}（--signing-key 应为 Ed25519 私钥 PEM，--site-key 应为考点服务器的 X25519 公钥 PEM；可用 qbank keygen 生成）`,
      );
    }
    throw error;
  }
  const { bytes, assets } = built;
  const recorded = !built.newlyRecorded;
  writeFileSync(options.out, bytes);
  const data = {
    out: options.out,
    paperId: record.paper.id,
    size: bytes.length,
    assets,
    newlyRecorded: !recorded,
  };
  emit(
    io,
    options.json,
    data,
    () =>
      `已写出考试包 ${options.out}（${bytes.length} 字节，图片 ${assets} 个）：试卷 ${record.paper.id}` +
      (recorded ? '' : '；已在题库中登记此试卷并计入曝光'),
  );
}

interface VerifyOptions {
  trustedKey: string[];
  siteKey?: string;
  json?: boolean;
}

async function verifyPackage(file: string, options: VerifyOptions, io: CliIo) {
  const bytes = readInputFile(file);
  const trustedSigningKeys = options.trustedKey.map(text);
  const fail = (error: ExamPackageError): never => {
    throw new InvalidInputError(`考试包 ${file} 未通过校验（${error.code}）：${error.message}`, {
      code: error.code,
      part: error.part,
    });
  };
  const result = await verifyExamPackage(bytes, { trustedSigningKeys });
  if (!result.ok) return fail(result.error);
  let decrypted = false;
  let items = 0;
  if (options.siteKey !== undefined) {
    try {
      const opened = await openExamPackage(bytes, {
        trustedSigningKeys,
        serverPrivateKeyPem: text(options.siteKey),
      });
      decrypted = true;
      items = opened.candidatePaper.sections.reduce(
        (sum, section) => sum + section.items.length,
        0,
      );
    } catch (error) {
      if (error instanceof ExamPackageError) return fail(error);
      throw error;
    }
  }
  const { manifest } = result;
  const data = { file, manifest, decrypted, ...(decrypted ? { items } : {}) };
  emit(io, options.json, data, () =>
    [
      `考试包 ${file} 校验通过：签名有效（签名密钥 ${manifest.signerKeyId}），${Object.keys(manifest.parts).length} 个部件的 SHA-256 全部一致`,
      `试卷 ${manifest.examId}「${manifest.title}」，等级 ${manifest.level}，${manifest.durationMinutes} 分钟，满分 ${manifest.fullMarks}`,
      decrypted ? `已用考点私钥解密：${items} 道题，答案部件完整` : '未提供 --site-key，未解密内容',
    ].join('\n'),
  );
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `qbank package` (signed, encrypted .exampkg from a paper record) and `qbank package verify`. */
export function registerPackage(program: Command, io: CliIo): void {
  const command = program
    .command('package')
    .description('把试卷打成签名加密的考试包 .exampkg；package verify 校验考试包')
    // Options after `verify` belong to verify (both have a --site-key).
    .enablePositionalOptions()
    .option('--bank <bank>', '题库文件')
    .option('--paper <file>', 'qbank assemble 写出的 paper-X.json')
    .option('--out <file>', '输出的 .exampkg 文件')
    .option('--signing-key <pem>', '题库签名私钥（Ed25519，qbank keygen 生成的 signing.key.pem）')
    .option('--site-key <pem>', '考点服务器公钥（X25519，site.pub.pem）')
    .option('--json', '以 JSON 输出')
    .action(async (options: Partial<PackageOptions>) => {
      const missing = (['bank', 'paper', 'out', 'signingKey', 'siteKey'] as const).filter(
        (key) => options[key] === undefined,
      );
      if (missing.length > 0) {
        const flag = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
        throw new InvalidInputError(`缺少选项：${missing.map(flag).join('、')}`);
      }
      const full = options as PackageOptions;
      await withBankAsync(full.bank, (bank) => packagePaper(bank, full, io));
    });
  command
    .command('verify')
    .description('校验考试包：签名、每个部件的哈希；给出考点私钥时还会解密全部内容')
    .argument('<file>', '.exampkg 文件')
    .requiredOption(
      '--trusted-key <pem>',
      '受信任的题库签名公钥（signing.pub.pem），可重复',
      collect,
      [],
    )
    .option('--site-key <pem>', '考点服务器私钥（site.key.pem）：同时解密检查')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, options: VerifyOptions) => {
      await verifyPackage(file, options, io);
    });
}
