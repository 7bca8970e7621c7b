export * from './asset-hash';
/** Node constructors (`paragraph`, `text`, `blank`, …), namespaced to keep generic names out of the package root. */
export * as contentBuilders from './builders';
export { itemBody, itemBodyFromText, type InlineInput } from './builders';
export * from './content-nodes';
export * from './document-queries';
export * from './escape-html';
export * from './item-body';
export * from './item-body-upgrades';
export * from './render-html';
export * from './restore-item-body';
export type { DroppedNode } from './restore-nodes';
export * from './safe-url';
