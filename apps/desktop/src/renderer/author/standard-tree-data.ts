import type { StandardTreeNode } from '@skillexam/shared';

/** antd Tree / TreeSelect data from the flat 鉴定要素细目表 nodes. */
export interface TreeDataNode {
  key: string;
  value: string;
  title: string;
  node: StandardTreeNode;
  selectable?: boolean;
  children?: TreeDataNode[];
}

export function buildTreeData(
  nodes: readonly StandardTreeNode[],
  options: { pointsOnly?: boolean } = {},
): TreeDataNode[] {
  const byKey = new Map<string, TreeDataNode>();
  const roots: TreeDataNode[] = [];
  for (const node of nodes) {
    const entry: TreeDataNode = {
      key: node.key,
      value: node.key,
      title: `${node.kind === 'point' ? node.path : node.code} ${node.name}`,
      node,
      ...(options.pointsOnly === true && node.kind === 'range' ? { selectable: false } : {}),
    };
    byKey.set(node.key, entry);
    const parent = node.parentKey === undefined ? undefined : byKey.get(node.parentKey);
    if (parent === undefined) roots.push(entry);
    else (parent.children ??= []).push(entry);
  }
  return roots;
}

export const HEALTH_COLORS: Record<StandardTreeNode['health'], string> = {
  ok: '#389e0d',
  thin: '#d48806',
  empty: '#cf1322',
};
