import { ITEM_TYPES, type ItemType, type StandardTreeNode } from '@skillexam/shared';
import { Col, Form, Rate, Row, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { changeType, type DraftIssue, type ItemDraft } from '../item-draft';
import { buildTreeData } from '../standard-tree-data';
import { issueText } from './field-issues';

interface Props {
  readonly draft: ItemDraft;
  readonly issues: readonly DraftIssue[];
  readonly nodes: readonly StandardTreeNode[];
  readonly onChange: (draft: ItemDraft) => void;
  /** The type changed: the rich editors take the converted draft afresh. */
  readonly onTypeChanged: () => void;
}

/** The item's type, 鉴定点 and difficulty, on one row. */
export function ItemMetaFields({ draft, issues, nodes, onChange, onTypeChanged }: Props) {
  const { t } = useI18n();
  const treeData = useMemo(() => buildTreeData(nodes, { pointsOnly: true }), [nodes]);
  // An imported item without a 鉴定点 sits in its standard's 未分类 pool (docs/decisions/0640),
  // whose point is not in the tree: show that, not its id; picking a point classifies it.
  const pooled = draft.assessmentPointId.endsWith(':_unclassified');
  const pointIssue = issueText(issues, 'assessmentPointId');
  return (
    <Row gutter={12}>
      <Col span={8}>
        <Form.Item label={t('author.editor.type')}>
          <Select<ItemType>
            value={draft.type}
            aria-label={t('author.editor.type')}
            data-testid="item-type"
            onChange={(type) => {
              onChange(changeType(draft, type));
              onTypeChanged();
            }}
            options={ITEM_TYPES.map((type) => ({
              value: type,
              label: t(`itemType.${type}`),
            }))}
          />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item
          label={t('author.editor.point')}
          validateStatus={pointIssue === undefined ? '' : 'error'}
          help={pointIssue}
        >
          <TreeSelect
            showSearch
            treeNodeFilterProp="title"
            {...(draft.assessmentPointId === '' || pooled
              ? {}
              : { value: draft.assessmentPointId })}
            treeData={treeData}
            treeDefaultExpandAll
            placeholder={t(pooled ? 'author.editor.unclassified' : 'author.editor.pickPoint')}
            data-testid="item-point"
            aria-label={t('author.editor.point')}
            onChange={(value: string) => onChange({ ...draft, assessmentPointId: value })}
          />
        </Form.Item>
      </Col>
      <Col span={6}>
        <Form.Item label={t('author.editor.difficulty')}>
          <Rate
            count={5}
            value={draft.difficulty}
            onChange={(difficulty) => onChange({ ...draft, difficulty: Math.max(1, difficulty) })}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
