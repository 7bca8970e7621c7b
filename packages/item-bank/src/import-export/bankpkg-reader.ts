import type { FileIssue, ParsedAsset, ParsedItem, ParsedItemFile } from './item-file-types';
import {
  BANKPKG_ASSET_DIR,
  BANKPKG_ITEMS,
  BANKPKG_MANIFEST,
  BANKPKG_VERSION,
  BankpkgItemLineSchema,
  BankpkgManifestSchema,
  sha256Hex,
} from './bankpkg-format';
import { restoreContent } from './restore-content';
import { readZipSafely, type ZipLimits } from './safe-zip-reader';

/*
 * Reads a bank package. The package as a whole must be intact (manifest valid, every entry
 * present with the sha256 the manifest records, nothing unlisted); then each line of
 * items.jsonl is accepted or reported on its own.
 */

export async function readBankpkg(
  bytes: Uint8Array,
  fileName: string,
  limits?: ZipLimits,
): Promise<ParsedItemFile> {
  const assets = new Map<string, ParsedAsset>();
  const fatal = (reason: string, entry?: string): ParsedItemFile => ({
    format: 'bankpkg',
    items: [],
    assets,
    issues: [
      { file: entry === undefined ? fileName : `${fileName}!${entry}`, reason, severity: 'error' },
    ],
  });
  const zip = await readZipSafely(bytes, limits);
  if (!zip.ok) return fatal(zip.reason, zip.entry);
  const manifestBytes = zip.entries.get(BANKPKG_MANIFEST);
  if (manifestBytes === undefined) return fatal('缺少 manifest.json，不是题库包');
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(new TextDecoder().decode(manifestBytes));
  } catch (error) {
    return fatal(
      `manifest.json 不是有效的 JSON：${error instanceof Error ? error.message : ''}`,
      BANKPKG_MANIFEST,
    );
  }
  const manifest = BankpkgManifestSchema.safeParse(manifestJson);
  if (!manifest.success) {
    const issue = manifest.error.issues[0];
    return fatal(
      `manifest.json 无效：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      BANKPKG_MANIFEST,
    );
  }
  if (manifest.data.version > BANKPKG_VERSION) {
    return fatal(
      `题库包版本 ${manifest.data.version} 比本程序支持的版本 ${BANKPKG_VERSION} 新，请升级软件`,
      BANKPKG_MANIFEST,
    );
  }
  for (const [name, data] of zip.entries) {
    if (name === BANKPKG_MANIFEST) continue;
    const listed = manifest.data.entries[name];
    if (listed === undefined) return fatal('条目未在 manifest.json 中登记', name);
    if (sha256Hex(data) !== listed.sha256)
      return fatal('条目的 sha256 与 manifest.json 不符（文件已损坏或被修改）', name);
  }
  for (const name of Object.keys(manifest.data.entries)) {
    if (!zip.entries.has(name)) return fatal('manifest.json 登记的条目在包中不存在', name);
  }
  for (const [name, data] of zip.entries) {
    if (!name.startsWith(BANKPKG_ASSET_DIR)) continue;
    const hash = name.slice(BANKPKG_ASSET_DIR.length);
    if (sha256Hex(data) !== hash) return fatal('资源文件名与其内容的 sha256 不符', name);
    assets.set(hash, {
      bytes: data,
      mime: manifest.data.entries[name]?.mime ?? 'application/octet-stream',
    });
  }

  const itemsFile = `${fileName}!${BANKPKG_ITEMS}`;
  const itemsBytes = zip.entries.get(BANKPKG_ITEMS);
  if (itemsBytes === undefined) return fatal('缺少 items.jsonl');
  const items: ParsedItem[] = [];
  const issues: FileIssue[] = [];
  const lines = new TextDecoder().decode(itemsBytes).split('\n');
  const seenVersions = new Set<string>();
  lines.forEach((text, index) => {
    const line = index + 1;
    if (text.trim() === '') return;
    const reject = (field: string, reason: string, item?: string) =>
      issues.push({
        file: itemsFile,
        line,
        ...(item !== undefined ? { item } : {}),
        field,
        reason,
        severity: 'error',
      });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      reject('JSON', `不是有效的 JSON：${error instanceof Error ? error.message : ''}`);
      return;
    }
    const parsed = BankpkgItemLineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      reject(issue?.path.join('.') || 'item', issue?.message ?? '无效的试题记录');
      return;
    }
    const record = parsed.data;
    const identity = `${record.id}@${record.version}`;
    if (seenVersions.has(identity)) {
      reject('id', `试题 ${record.id} 的第 ${record.version} 版在包中出现了两次`, record.id);
      return;
    }
    seenVersions.add(identity);
    const content = restoreContent(record.content);
    if (!content.ok) {
      reject(`content.${content.field}`, content.reason, record.id);
      return;
    }
    for (const dropped of content.dropped) {
      issues.push({
        file: itemsFile,
        line,
        item: record.id,
        reason: `已丢弃无法识别的内容节点（${dropped}）`,
        severity: 'warning',
      });
    }
    items.push({
      ref: `${fileName} 第${line}行（${record.id} v${record.version}）`,
      externalId: record.id,
      version: record.version,
      status: record.status,
      content: content.content,
      tags: record.tags,
      ...(record.pointCode !== undefined ? { pointCode: record.pointCode } : {}),
      ...(record.source !== undefined ? { source: record.source } : {}),
      ...(record.enemyGroup !== undefined ? { enemyGroup: record.enemyGroup } : {}),
    });
  });
  const recordCount = lines.filter((text) => text.trim() !== '').length;
  if (recordCount !== manifest.data.itemCount) {
    issues.push({
      file: itemsFile,
      reason: `items.jsonl 有 ${recordCount} 条记录，manifest.json 记录为 ${manifest.data.itemCount} 条`,
      severity: 'error',
    });
  }
  return { format: 'bankpkg', items, assets, issues };
}
