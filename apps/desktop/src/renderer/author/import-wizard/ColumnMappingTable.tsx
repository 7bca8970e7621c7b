import { Select, Table } from 'antd';
import { useI18n } from '../../i18n';
import { columnLetter, type TemplateFieldInfo } from '../import-mapping';

interface Props {
  readonly fields: readonly TemplateFieldInfo[];
  readonly headers: readonly string[];
  readonly mapping: Readonly<Record<string, string>>;
  readonly onChange: (mapping: Record<string, string>) => void;
}

/** Which column of the file (xlsx/csv) fills each template field. */
export function ColumnMappingTable({ fields, headers, mapping, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={fields}
      scroll={{ y: 320 }}
      columns={[
        { title: t('author.import.templateField'), dataIndex: 'header', width: 160 },
        {
          title: t('author.import.fileColumn'),
          render: (_: unknown, entry: TemplateFieldInfo) => (
            <Select
              allowClear
              style={{ width: 260 }}
              value={mapping[entry.field]}
              placeholder={t('author.import.unmapped')}
              aria-label={`${t('author.import.fileColumn')}: ${entry.header}`}
              onChange={(value?: string) => {
                const next = Object.entries(mapping).filter(([field]) => field !== entry.field);
                if (value !== undefined) next.push([entry.field, value]);
                onChange(Object.fromEntries(next));
              }}
              options={headers.map((header, index) => ({
                value: header === '' ? columnLetter(index) : header,
                label: `${columnLetter(index)} · ${header}`,
              }))}
            />
          ),
        },
      ]}
    />
  );
}
