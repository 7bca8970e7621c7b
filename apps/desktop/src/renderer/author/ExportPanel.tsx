import { DownloadOutlined } from '@ant-design/icons';
import { errorMessage, type BankSearchFilter } from '@skillexam/shared';
import { Button, Card, Col, Row, Select, message } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { bank, downloadBase64 } from './author-api';

/** 导出: the items matching the list's filter, in one of the bank's export formats. */
export function ExportPanel({ filter }: { readonly filter: BankSearchFilter }) {
  const { t } = useI18n();
  const [format, setFormat] = useState<'xlsx' | 'csv' | 'qti' | 'bankpkg' | 'docx'>('xlsx');
  const [busy, setBusy] = useState(false);
  return (
    <Card size="small" title={t('author.export.title')}>
      <Row gutter={8}>
        <Col>
          <Select
            value={format}
            onChange={setFormat}
            aria-label={t('author.import.format')}
            style={{ width: 140 }}
            options={(['xlsx', 'csv', 'qti', 'bankpkg', 'docx'] as const).map((f) => ({
              value: f,
              label: f,
            }))}
          />
        </Col>
        <Col>
          <Button
            icon={<DownloadOutlined />}
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                const result = await bank('bank:export-items', { format, query: '', filter });
                downloadBase64(result.fileName, result.data);
                void message.success(t('author.export.done', { count: result.count }));
              } catch (e) {
                void message.error(errorMessage(e));
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('author.export.run')}
          </Button>
        </Col>
      </Row>
    </Card>
  );
}
