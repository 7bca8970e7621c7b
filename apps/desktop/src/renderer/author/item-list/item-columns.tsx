import type { BankSearchHit, ItemType, MessageKey, ReviewStatus } from '@skillexam/shared';
import { Tooltip, type TableColumnsType } from 'antd';
import { StatusTag } from '../StatusTag';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A measured figure with the n it is pooled over as a tooltip; — when not measured. */
function Measured(props: {
  readonly value: number | undefined;
  readonly hit: BankSearchHit;
  readonly t: Translate;
}) {
  const { value, hit, t } = props;
  if (value === undefined) return <span className="measured-none">—</span>;
  return (
    <Tooltip title={t('author.list.measuredTip', { n: hit.responseCount ?? 0 })}>
      <span data-testid="measured-value">{value.toFixed(2)}</span>
    </Tooltip>
  );
}

/** The 试题列表 columns: type, stem, 鉴定点, author difficulty, measured p and r, status, version. */
export function itemColumns(t: Translate): TableColumnsType<BankSearchHit> {
  return [
    {
      title: t('author.list.type'),
      dataIndex: 'type',
      width: 80,
      render: (value: ItemType) => t(`itemType.${value}`),
    },
    { title: t('author.list.stem'), dataIndex: 'snippet', ellipsis: true },
    { title: t('author.list.point'), dataIndex: 'pointPath', width: 110 },
    { title: t('author.list.difficulty'), dataIndex: 'difficulty', width: 60 },
    {
      title: t('author.list.measuredP'),
      dataIndex: 'p',
      width: 70,
      render: (value: number | undefined, hit) => <Measured value={value} hit={hit} t={t} />,
    },
    {
      title: t('author.list.measuredR'),
      dataIndex: 'discrimination',
      width: 80,
      render: (value: number | undefined, hit) => <Measured value={value} hit={hit} t={t} />,
    },
    {
      title: t('author.list.status'),
      dataIndex: 'status',
      width: 90,
      render: (value: ReviewStatus) => <StatusTag status={value} />,
    },
    { title: 'v', dataIndex: 'version', width: 50 },
  ];
}
