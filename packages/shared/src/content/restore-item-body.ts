import type { BlockElement } from './content-nodes';
import { ITEM_BODY_FORMAT, ITEM_BODY_VERSION, ItemBodySchema, type ItemBody } from './item-body';
import { upgradeItemBodyContent } from './item-body-upgrades';
import { restoreBlock, type DroppedNode } from './restore-nodes';
import { errorMessage } from '../errors/error-message';

export type RestoreItemBodyErrorCode =
  | 'not_an_item_body'
  | 'unsupported_version'
  | 'version_from_future'
  | 'missing_step'
  | 'upgrade_failed';

export type RestoreItemBodyResult =
  | { ok: true; body: ItemBody; dropped: DroppedNode[] }
  | { ok: false; error: { code: RestoreItemBodyErrorCode; message: string } };

function fail(code: RestoreItemBodyErrorCode, message: string): RestoreItemBodyResult {
  return { ok: false, error: { code, message } };
}

/**
 * The only way into the system for a stored or imported item body
 * (docs/architecture.md#rich-content):
 * 1. checks the envelope `{ format: 'item-body', version, content }`;
 * 2. upgrades older versions through the step table;
 * 3. rebuilds the blocks from known node types and attributes, DROPPING what it does not
 *    know (reported in `dropped`) instead of failing;
 * 4. validates the result against `ItemBodySchema`.
 * Only an unusable envelope or an unknown version is an error.
 */
export function restoreItemBody(raw: unknown): RestoreItemBodyResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('not_an_item_body', 'expected an item-body envelope object');
  }
  const envelope = raw as Record<string, unknown>;
  if (envelope.format !== ITEM_BODY_FORMAT) {
    return fail('not_an_item_body', `expected format "${ITEM_BODY_FORMAT}"`);
  }
  if (typeof envelope.version !== 'number') {
    return fail('unsupported_version', 'item-body version must be a number');
  }

  let upgraded: ReturnType<typeof upgradeItemBodyContent>;
  try {
    upgraded = upgradeItemBodyContent(envelope.content, envelope.version);
  } catch (error) {
    const detail = errorMessage(error);
    return fail('upgrade_failed', `upgrading item-body version ${envelope.version}: ${detail}`);
  }
  if (!upgraded.ok) return fail(upgraded.reason, upgraded.message);

  const dropped: DroppedNode[] = [];
  const rawBlocks = Array.isArray(upgraded.content) ? upgraded.content : [];
  if (!Array.isArray(upgraded.content)) {
    dropped.push({ path: [], reason: 'content is not an array' });
  }
  const blocks: BlockElement[] = [];
  rawBlocks.forEach((rawBlock, index) => {
    const block = restoreBlock(rawBlock, [index], dropped);
    if (block !== undefined) blocks.push(block);
  });
  const [first, ...rest] = blocks;
  const candidate = {
    format: ITEM_BODY_FORMAT,
    version: ITEM_BODY_VERSION,
    content:
      first === undefined ? [{ type: 'paragraph', children: [{ text: '' }] }] : [first, ...rest],
  };
  // The rebuild above only produces valid nodes; this parse is the safety net that proves it.
  const parsed = ItemBodySchema.safeParse(candidate);
  if (!parsed.success) {
    return fail('not_an_item_body', `restored body failed validation: ${parsed.error.message}`);
  }
  return { ok: true, body: parsed.data, dropped };
}
