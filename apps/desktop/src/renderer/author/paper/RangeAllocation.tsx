import { Button, InputNumber, Space, Table } from 'antd';
import { useI18n } from '../../i18n';
import { freeAllocation, setRangeBound, type EditableBlueprint } from '../blueprint-edit';
import { type RangeWeight } from './use-paper-workbench';

interface Props {
  readonly blueprint: EditableBlueprint;
  readonly weights: readonly RangeWeight[];
  readonly onChange: (blueprint: EditableBlueprint) => void;
}

/** Switches the range allocation between free and by-weight. */
export function RangeAllocationButtons({ blueprint, weights, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Space>
      <Button
        size="small"
        onClick={() =>
          onChange(
            freeAllocation(
              blueprint,
              weights.map((w) => w.path),
            ),
          )
        }
        data-testid="free-allocation"
      >
        {t('author.paper.free')}
      </Button>
      <Button
        size="small"
        onClick={() =>
          onChange({ ...blueprint, rangeAllocation: { bySection: false, overrides: {} } })
        }
      >
        {t('author.paper.byWeights')}
      </Button>
    </Space>
  );
}

/** Per-range weights with optional min/max item counts that override the weights. */
export function RangeBoundsTable({ blueprint, weights, onChange }: Props) {
  const { t } = useI18n();
  const overrides = blueprint.rangeAllocation?.overrides ?? {};
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="path"
      dataSource={weights}
      columns={[
        {
          title: t('author.paper.range'),
          render: (_v, w: RangeWeight) => `${w.path} ${w.name}`,
        },
        {
          title: t('author.paper.weight'),
          dataIndex: 'weight',
          width: 70,
          render: (v: number) => `${v}%`,
        },
        {
          title: t('author.paper.min'),
          width: 90,
          render: (_v, w: RangeWeight) => (
            <InputNumber
              size="small"
              min={0}
              value={overrides[w.path]?.min ?? null}
              aria-label={`${w.path} ${w.name} ${t('author.paper.min')}`}
              onChange={(v) =>
                onChange(
                  setRangeBound(blueprint, w.path, {
                    ...(v === null ? {} : { min: v }),
                    ...(overrides[w.path]?.max === undefined
                      ? {}
                      : { max: overrides[w.path]?.max }),
                  }),
                )
              }
            />
          ),
        },
        {
          title: t('author.paper.max'),
          width: 90,
          render: (_v, w: RangeWeight) => (
            <InputNumber
              size="small"
              min={0}
              value={overrides[w.path]?.max ?? null}
              aria-label={`${w.path} ${w.name} ${t('author.paper.max')}`}
              onChange={(v) =>
                onChange(
                  setRangeBound(blueprint, w.path, {
                    ...(overrides[w.path]?.min === undefined
                      ? {}
                      : { min: overrides[w.path]?.min }),
                    ...(v === null ? {} : { max: v }),
                  }),
                )
              }
            />
          ),
        },
      ]}
    />
  );
}
