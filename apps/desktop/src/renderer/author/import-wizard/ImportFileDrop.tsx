import { InboxOutlined } from '@ant-design/icons';
import { Typography, Upload } from 'antd';
import { useI18n } from '../../i18n';

/** Step 1: drop or pick the item file. */
export function ImportFileDrop({ onPick }: { readonly onPick: (file: File) => void }) {
  const { t } = useI18n();
  return (
    <Upload.Dragger
      multiple={false}
      showUploadList={false}
      accept=".xlsx,.csv,.txt,.xml,.gift,.zip,.bankpkg,.docx"
      beforeUpload={(raw) => {
        onPick(raw);
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p>{t('author.import.drop')}</p>
      <Typography.Text type="secondary">{t('author.import.formats')}</Typography.Text>
    </Upload.Dragger>
  );
}
