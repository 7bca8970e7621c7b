import { BANK_IMPORT_FORMATS, type BankImportFormat } from '@skillexam/shared';
import { Checkbox, Input, Select, Space, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { formatSize } from '../format-size';
import { type PickedFile } from './use-import-wizard';

interface Props {
  readonly file: PickedFile;
  readonly format: BankImportFormat | undefined;
  readonly onFormat: (format: BankImportFormat | undefined) => void;
  readonly pointCode: string;
  readonly onPointCode: (code: string) => void;
  readonly validOnly: boolean;
  readonly onValidOnly: (validOnly: boolean) => void;
}

/** The picked file and the import's options: format, default 鉴定点, valid rows only. */
export function ImportOptionsBar(props: Props) {
  const { file } = props;
  const { t } = useI18n();
  return (
    <Space wrap>
      <Typography.Text>
        {t('author.import.file')}：<b>{file.name}</b>（{formatSize(file.size)}）
      </Typography.Text>
      <Typography.Text>{t('author.import.format')}：</Typography.Text>
      <Select
        value={props.format}
        style={{ width: 120 }}
        onChange={props.onFormat}
        options={BANK_IMPORT_FORMATS.map((f) => ({ value: f, label: f }))}
        aria-label={t('author.import.format')}
        data-testid="import-format"
      />
      <Input
        style={{ width: 220 }}
        value={props.pointCode}
        onChange={(e) => props.onPointCode(e.target.value)}
        placeholder={t('author.import.defaultPoint')}
        aria-label={t('author.import.defaultPoint')}
      />
      <Checkbox checked={props.validOnly} onChange={(e) => props.onValidOnly(e.target.checked)}>
        {t('author.import.validOnly')}
      </Checkbox>
    </Space>
  );
}
