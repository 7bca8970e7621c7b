import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ITEM_TYPES, type ItemType } from '@skillexam/shared';
import { Button, InputNumber, Select, Space, Table } from 'antd';
import { useI18n } from '../../i18n';
import {
  addSection,
  removeSection,
  updateSection,
  type EditableBlueprint,
} from '../blueprint-edit';

interface Props {
  readonly blueprint: EditableBlueprint;
  readonly onChange: (blueprint: EditableBlueprint) => void;
}

/** The blueprint's sections: item type, count and points each, one row per section. */
export function BlueprintSectionsTable({ blueprint, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="itemType"
      dataSource={blueprint.sections}
      data-testid="blueprint-sections"
      columns={[
        {
          title: t('author.list.type'),
          dataIndex: 'itemType',
          render: (type: ItemType, _s, index) => (
            <Select<ItemType>
              value={type}
              aria-label={`${t('author.list.type')} ${index + 1}`}
              style={{ width: 110 }}
              onChange={(itemType) => onChange(updateSection(blueprint, index, { itemType }))}
              options={ITEM_TYPES.map((v) => ({ value: v, label: t(`itemType.${v}`) }))}
            />
          ),
        },
        {
          title: t('author.paper.count'),
          dataIndex: 'count',
          render: (count: number, _s, index) => (
            <InputNumber
              min={1}
              max={1000}
              value={count}
              data-testid={`section-count-${index}`}
              aria-label={`${t('author.paper.count')} ${index + 1}`}
              onChange={(v) => onChange(updateSection(blueprint, index, { count: v ?? 1 }))}
            />
          ),
        },
        {
          title: t('author.paper.pointsEach'),
          dataIndex: 'pointsEach',
          render: (points: number, _s, index) => (
            <InputNumber
              min={0.5}
              step={0.5}
              value={points}
              data-testid={`section-points-${index}`}
              aria-label={`${t('author.paper.pointsEach')} ${index + 1}`}
              onChange={(v) => onChange(updateSection(blueprint, index, { pointsEach: v ?? 1 }))}
            />
          ),
        },
        {
          title: '',
          width: 48,
          render: (_v, _s, index) => (
            <Button
              size="small"
              type="text"
              danger
              icon={<DeleteOutlined />}
              disabled={blueprint.sections.length <= 1}
              onClick={() => onChange(removeSection(blueprint, index))}
              data-testid={`section-remove-${index}`}
              aria-label={t('author.paper.removeSection')}
            />
          ),
        },
      ]}
    />
  );
}

/** One button per item type the blueprint has no section for yet. */
export function AddSectionButtons({ blueprint, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Space wrap>
      {ITEM_TYPES.filter((type) => !blueprint.sections.some((s) => s.itemType === type)).map(
        (type) => (
          <Button
            key={type}
            size="small"
            icon={<PlusOutlined />}
            onClick={() => onChange(addSection(blueprint, type))}
          >
            {t(`itemType.${type}`)}
          </Button>
        ),
      )}
    </Space>
  );
}
