import { errorMessage } from '@skillexam/shared';
import { UploadOutlined } from '@ant-design/icons';
import type { StandardSummaryView, StandardTreeNode } from '@skillexam/shared';
import { Button, Empty, Select, Space, Tag, Tree, Typography, message } from 'antd';
import { useMemo, useRef } from 'react';
import { useI18n } from '../i18n';
import { bank, fileToBase64 } from './author-api';
import { buildTreeData, HEALTH_COLORS } from './standard-tree-data';

export interface StandardsTreeProps {
  readonly standards: readonly StandardSummaryView[];
  readonly standardId?: string;
  readonly nodes: readonly StandardTreeNode[];
  readonly selectedKey?: string;
  readonly onStandard: (id: string) => void;
  readonly onSelect: (node: StandardTreeNode | undefined) => void;
  readonly onImported: (id: string) => void;
}

/** 鉴定范围 / 鉴定点 with item counts (approved / all) and a health colour per node. */
export function StandardsTree(props: StandardsTreeProps) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const treeData = useMemo(() => buildTreeData(props.nodes), [props.nodes]);

  const importStandard = async (file: File | undefined) => {
    if (file === undefined) return;
    try {
      const { standard } = await bank('bank:import-standard', {
        fileName: file.name,
        data: await fileToBase64(file),
      });
      void message.success(
        t('author.standards.imported', { name: `${standard.occupationName} ${standard.version}` }),
      );
      props.onImported(standard.id);
    } catch (error) {
      void message.error({
        content: <pre className="author-error-pre">{errorMessage(error)}</pre>,
        duration: 10,
      });
    }
  };

  return (
    <div className="author-standards" data-testid="standards-tree">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space.Compact style={{ width: '100%' }}>
          <Select
            style={{ width: '100%' }}
            placeholder={t('author.standards.pick')}
            aria-label={t('author.standards.pick')}
            value={props.standardId ?? null}
            onChange={props.onStandard}
            options={props.standards.map((s) => ({
              value: s.id,
              label: `${s.occupationName}（${s.version}）`,
            }))}
          />
          <Button
            icon={<UploadOutlined />}
            onClick={() => input.current?.click()}
            title={t('author.standards.import')}
            data-testid="import-standard"
          />
        </Space.Compact>
        <input
          ref={input}
          type="file"
          hidden
          accept=".json,.xlsx"
          data-testid="standard-file"
          onChange={(event) => {
            void importStandard(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        {props.nodes.length === 0 ? (
          <Empty description={t('author.standards.empty')} />
        ) : (
          <>
            <Space size="small" className="author-legend">
              <span>
                <span className="author-health-dot" style={{ background: HEALTH_COLORS.ok }} />
                {t('author.standards.ok')}
              </span>
              <span>
                <span className="author-health-dot" style={{ background: HEALTH_COLORS.thin }} />
                {t('author.standards.thin')}
              </span>
              <span>
                <span className="author-health-dot" style={{ background: HEALTH_COLORS.empty }} />
                {t('author.standards.none')}
              </span>
            </Space>
            <Tree
              blockNode
              defaultExpandAll
              treeData={treeData}
              height={560}
              selectedKeys={props.selectedKey === undefined ? [] : [props.selectedKey]}
              onSelect={(_keys, info) => props.onSelect(info.selected ? info.node.node : undefined)}
              titleRender={(entry) => (
                <span className="author-tree-node" data-testid={`tree-${entry.node.path}`}>
                  <span
                    className="author-health-dot"
                    style={{ background: HEALTH_COLORS[entry.node.health] }}
                  />
                  <span className="author-tree-title" title={entry.title}>
                    {entry.title}
                  </span>
                  {entry.node.importance !== undefined && (
                    <Tag className="author-tree-importance">{entry.node.importance}</Tag>
                  )}
                  <Typography.Text type="secondary" className="author-tree-count">
                    {entry.node.approved}/{entry.node.items}
                  </Typography.Text>
                </span>
              )}
            />
          </>
        )}
      </Space>
    </div>
  );
}
