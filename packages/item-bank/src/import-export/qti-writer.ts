import {
  contentAssetHashes,
  escapeHtml,
  toPlainText,
  type ItemBody,
  type ItemContent,
} from '@skillexam/shared';
import type { AssetLookup, ExportItem } from './item-file-types';
import { itemBodyToXhtml } from './item-body-to-xhtml';
import {
  fillBlankDeclarations,
  fillBlankProcessing,
  hasNumericBlank,
} from './qti-fill-blank-writer';
import {
  BLANK_RESPONSE_PREFIX,
  IMAGE_EXTENSIONS,
  QTI3_ITEM_NS,
  QTI3_MANIFEST_NS,
  QTI_MANIFEST,
  SKILLEXAM_QTI_NS,
  TRUE_FALSE_IDS,
} from './qti-format';
import { writeZip } from './zip-writer';

/*
 * Writes a QTI 3.0 content package: imsmanifest.xml, one qti-assessment-item per item under
 * items/, pictures under assets/. 判断 → a two-choice interaction (true/false), 单选/多选 →
 * qti-choice-interaction, 填空 → qti-text-entry-interaction per blank (qti-fill-blank-writer:
 * text answers in a mapping, numbers with their tolerance in the response processing),
 * 简答 → qti-extended-text-interaction with the reference answer in a scorer
 * rubric block. Bank fields (鉴定点, level, difficulty, tags, …) go into resource metadata.
 */

const encoder = new TextEncoder();
const attr = (value: string | number) => escapeHtml(String(value));

function xmlId(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_.-]/g, '_');
  return /^[A-Za-z_]/.test(safe) ? safe : `I${safe}`;
}

function assetPath(hash: string, assets: AssetLookup): string {
  const mime = assets(hash)?.mime ?? '';
  return `assets/${hash}.${IMAGE_EXTENSIONS[mime] ?? 'bin'}`;
}

function value(text: string): string {
  return `<qti-value>${escapeHtml(text)}</qti-value>`;
}

function declarations(content: ItemContent): string {
  switch (content.type) {
    case 'true_false':
      return `<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"><qti-correct-response>${value(content.key ? TRUE_FALSE_IDS.true : TRUE_FALSE_IDS.false)}</qti-correct-response></qti-response-declaration>`;
    case 'single_choice':
      return `<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="identifier"><qti-correct-response>${value(content.key)}</qti-correct-response></qti-response-declaration>`;
    case 'multiple_choice':
      return `<qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="identifier"><qti-correct-response>${content.key.map(value).join('')}</qti-correct-response></qti-response-declaration>`;
    case 'fill_blank':
      return fillBlankDeclarations(content.key);
    case 'short_answer':
      return `<qti-response-declaration identifier="RESPONSE" cardinality="single" base-type="string"/>`;
  }
}

function interaction(content: ItemContent, html: (body: ItemBody) => string): string {
  switch (content.type) {
    case 'true_false':
      return `<qti-choice-interaction response-identifier="RESPONSE" shuffle="false" max-choices="1" class="true-false"><qti-simple-choice identifier="${TRUE_FALSE_IDS.true}">正确</qti-simple-choice><qti-simple-choice identifier="${TRUE_FALSE_IDS.false}">错误</qti-simple-choice></qti-choice-interaction>`;
    case 'single_choice':
    case 'multiple_choice': {
      const max = content.type === 'single_choice' ? 1 : 0;
      const choices = content.options
        .map(
          (option) =>
            `<qti-simple-choice identifier="${option.id}">${html(option.content)}</qti-simple-choice>`,
        )
        .join('');
      return `<qti-choice-interaction response-identifier="RESPONSE" shuffle="false" max-choices="${max}">${choices}</qti-choice-interaction>`;
    }
    case 'fill_blank':
      return '';
    case 'short_answer':
      return `<qti-extended-text-interaction response-identifier="RESPONSE"/><qti-rubric-block view="scorer" use="reference-answer"><qti-content-body>${html(content.key.referenceAnswer)}</qti-content-body></qti-rubric-block>`;
  }
}

export function itemXml(item: ExportItem, assets: AssetLookup): string {
  const { content } = item;
  const html = (body: ItemBody) =>
    itemBodyToXhtml(body, {
      blank: (blankId) =>
        `<qti-text-entry-interaction response-identifier="${BLANK_RESPONSE_PREFIX}${attr(blankId)}"/>`,
      imageSrc: (hash) => `../${assetPath(hash, assets)}`,
    });
  const explanation =
    content.explanation === undefined
      ? ''
      : `<qti-rubric-block view="scorer" use="explanation"><qti-content-body>${html(content.explanation)}</qti-content-body></qti-rubric-block>`;
  const title = toPlainText(content.stem).replace(/\s+/g, ' ').trim().slice(0, 40);
  const processing =
    content.type === 'short_answer'
      ? ''
      : content.type === 'fill_blank' && hasNumericBlank(content.key)
        ? fillBlankProcessing(content.key)
        : `<qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/${content.type === 'fill_blank' ? 'map_response' : 'match_correct'}.xml"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<qti-assessment-item xmlns="${QTI3_ITEM_NS}" identifier="${attr(xmlId(item.id))}" title="${attr(title)}" adaptive="false" time-dependent="false" xml:lang="zh-CN">`,
    declarations(content),
    '<qti-outcome-declaration identifier="SCORE" cardinality="single" base-type="float"/>',
    `<qti-item-body>${html(content.stem)}${interaction(content, html)}${explanation}</qti-item-body>`,
    processing,
    '</qti-assessment-item>',
    '',
  ].join('\n');
}

function metadataXml(item: ExportItem): string {
  const { content } = item;
  const attrs: [string, string | number | undefined][] = [
    ['id', item.id],
    ['version', item.version],
    ['status', item.status],
    ['type', content.type],
    ['point-code', item.pointCode],
    ['level', content.level],
    ['difficulty', content.difficulty],
    ['source', item.source],
    ['enemy-group', item.enemyGroup],
  ];
  const rendered = attrs
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, val]) => ` ${name}="${attr(val)}"`)
    .join('');
  const tags = item.tags.map((tag) => `<sx:tag>${escapeHtml(tag)}</sx:tag>`).join('');
  return `<metadata><sx:item xmlns:sx="${SKILLEXAM_QTI_NS}"${rendered}>${tags}</sx:item></metadata>`;
}

export async function writeQtiPackage(
  items: readonly ExportItem[],
  assets: AssetLookup,
): Promise<Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  const resources: string[] = [];
  const usedNames = new Set<string>();
  for (const item of items) {
    let name = `items/${xmlId(item.id)}.xml`;
    for (let n = 2; usedNames.has(name); n += 1) name = `items/${xmlId(item.id)}-${n}.xml`;
    usedNames.add(name);
    entries.set(name, encoder.encode(itemXml(item, assets)));
    const files = [name];
    for (const hash of contentAssetHashes(item.content)) {
      const asset = assets(hash);
      if (asset === undefined) throw new Error(`Item ${item.id} refers to missing asset ${hash}`);
      const path = assetPath(hash, assets);
      entries.set(path, asset.bytes);
      files.push(path);
    }
    resources.push(
      `<resource identifier="R-${attr(xmlId(item.id))}" type="imsqti_item_xmlv3p0" href="${attr(name)}">${metadataXml(item)}${files
        .map((file) => `<file href="${attr(file)}"/>`)
        .join('')}</resource>`,
    );
  }
  const manifest = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest xmlns="${QTI3_MANIFEST_NS}" identifier="skillexam-export">`,
    '<metadata><schema>QTI Package</schema><schemaversion>3.0.0</schemaversion></metadata>',
    '<organizations/>',
    `<resources>${resources.join('\n')}</resources>`,
    '</manifest>',
    '',
  ].join('\n');
  return writeZip(new Map([[QTI_MANIFEST, encoder.encode(manifest)], ...entries]));
}
