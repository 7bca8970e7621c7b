import { WarningOutlined } from '@ant-design/icons';
import { Table, Tag, Tooltip } from 'antd';
import { describeItemFlag, type ItemStatRow } from '@skillexam/shared';
import { useConsole } from '../../console-context';
import { formatNumber, formatPercent } from '../../format/format';
import { itemTypeLabel, usePageText, type PageText } from '../page-messages';

function flagLabel(text: PageText, code: ItemStatRow['flags'][number]['code']): string {
  switch (code) {
    case 'facility_low':
      return 'P < 0.2';
    case 'facility_high':
      return 'P > 0.95';
    case 'discrimination_low':
      return 'r < 0.2';
    case 'distractor_favours_upper':
      return text('flagDistractor');
  }
}

/** 试题分析: P, corrected r, omissions, option rates by score group, and the flags. */
export function ItemStatsTable({ items }: { readonly items: readonly ItemStatRow[] }) {
  const { t, lang } = useConsole();
  const text = usePageText();
  return (
    <Table<ItemStatRow>
      data-testid="item-stats"
      size="small"
      rowKey="itemId"
      dataSource={[...items]}
      pagination={false}
      scroll={{ y: 420 }}
      onRow={(item) => ({
        style: item.flags.length > 0 ? { background: '#fff1f0' } : {},
        'data-flagged': item.flags.length > 0 ? 'true' : 'false',
      })}
      columns={[
        {
          title: t('item'),
          dataIndex: 'number',
          width: 72,
          sorter: (a, b) => a.number - b.number,
        },
        { title: 'ID', dataIndex: 'itemId', width: 110 },
        {
          title: t('type'),
          width: 76,
          render: (_, item) => itemTypeLabel(text, item.itemType),
        },
        { title: 'n', dataIndex: 'n', width: 50 },
        {
          title: t('facility'),
          width: 90,
          sorter: (a, b) => a.facility - b.facility,
          render: (_, item) => formatNumber(item.facility, 2),
        },
        {
          title: t('discrimination'),
          width: 100,
          sorter: (a, b) => (a.correctedPointBiserial ?? 9) - (b.correctedPointBiserial ?? 9),
          render: (_, item) => formatNumber(item.correctedPointBiserial, 2),
        },
        {
          title: t('omitRate'),
          width: 92,
          render: (_, item) => formatPercent(item.omitRate, 0),
        },
        {
          title: text('optionRates'),
          render: (_, item) =>
            (item.options ?? []).map((o) => (
              <Tag
                key={o.option}
                color={o.isKey ? 'green' : o.upperRate > o.lowerRate ? 'red' : 'default'}
              >
                {o.option} {Math.round(o.upperRate * 100)}/{Math.round(o.lowerRate * 100)}
              </Tag>
            )),
        },
        {
          title: t('flags'),
          width: 220,
          filters: [{ text: text('onlyFlagged'), value: 'flagged' }],
          onFilter: (_, item) => item.flags.length > 0,
          render: (_, item) =>
            item.flags.map((flag, index) => (
              <Tooltip
                key={`${flag.code}${index}`}
                title={describeItemFlag(
                  flag.option === undefined
                    ? { code: flag.code, value: flag.value }
                    : { code: flag.code, value: flag.value, option: flag.option },
                  lang,
                )}
              >
                <Tag icon={<WarningOutlined />} color="error" data-flag={flag.code}>
                  {flagLabel(text, flag.code)}
                  {flag.option === undefined ? '' : ` ${flag.option}`}
                </Tag>
              </Tooltip>
            )),
        },
      ]}
    />
  );
}
