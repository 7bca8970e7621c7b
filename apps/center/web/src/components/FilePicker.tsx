import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';

interface Props {
  readonly label: string;
  readonly accept?: string;
  readonly busy?: boolean;
  readonly testId?: string;
  readonly onFile: (file: File) => void;
}

/** Picks one file and hands it over at once (nothing is sent by antd itself). */
export function FilePicker({ label, accept, busy, testId, onFile }: Props) {
  return (
    <Upload
      {...(accept === undefined ? {} : { accept })}
      showUploadList={false}
      maxCount={1}
      beforeUpload={(file) => {
        onFile(file);
        return false;
      }}
    >
      <Button
        icon={<UploadOutlined />}
        loading={busy === true}
        {...(testId === undefined ? {} : { 'data-testid': testId })}
      >
        {label}
      </Button>
    </Upload>
  );
}
