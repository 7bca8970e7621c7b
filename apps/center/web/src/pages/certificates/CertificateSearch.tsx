import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { CertificateListing, FoundCertificate } from '../../api/center-types';
import { useCenter } from '../../center-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateOnly } from '../../components/format';
import { useAction, useLoad } from '../../components/use-load';
import { LEVEL_NAMES } from '../batches/batch-levels';
import { VoidCertificateModal } from './VoidCertificateModal';

const PAGE = 20;

/** 证书: find by number, holder name or ID tail; each row's PDF, and voiding with a reason. */
export function CertificateSearch() {
  const { api, login, t } = useCenter();
  const [text, setText] = useState('');
  const [status, setStatus] = useState<'' | 'valid' | 'voided'>('');
  const [page, setPage] = useState(1);
  const [voiding, setVoiding] = useState<string | undefined>();
  const query = new URLSearchParams({ limit: String(PAGE), offset: String((page - 1) * PAGE) });
  if (text !== '') query.set('q', text);
  if (status !== '') query.set('status', status);
  const listing = useLoad(
    () => api.get<CertificateListing>(`/api/certificates?${query.toString()}`),
    [api, text, status, page],
  );
  const action = useAction();
  const canVoid = login.staff.role !== 'supervisor';
  return (
    <Card size="small" title={t('certificates')} data-testid="certificate-search">
      <ErrorAlert error={listing.error ?? action.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('certificateSearchHint')}
          aria-label={t('certificateSearchHint')}
          style={{ width: 360 }}
          onSearch={(value) => {
            setText(value.trim());
            setPage(1);
          }}
        />
        <Select
          value={status}
          style={{ width: 140 }}
          aria-label={t('status')}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={[
            { value: '', label: t('allStatuses') },
            { value: 'valid', label: t('certificateValid') },
            { value: 'voided', label: t('certificateVoided') },
          ]}
        />
      </Space>
      <Table<FoundCertificate>
        rowKey="number"
        size="small"
        loading={listing.loading}
        dataSource={[...(listing.data?.certificates ?? [])]}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: listing.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('certificateNumber'),
            dataIndex: 'number',
            render: (n: string) => <code>{n}</code>,
          },
          { title: t('holderName'), dataIndex: 'name' },
          { title: t('idNumber'), dataIndex: 'idNumber' },
          { title: t('occupationName'), dataIndex: 'occupationName' },
          { title: t('level'), dataIndex: 'level', render: (l: number) => LEVEL_NAMES[l] ?? l },
          { title: t('issuedOn'), dataIndex: 'issuedAt', render: (iso: string) => dateOnly(iso) },
          {
            title: t('status'),
            dataIndex: 'status',
            render: (s: FoundCertificate['status']) =>
              s === 'valid' ? (
                <Tag color="green">{t('certificateValid')}</Tag>
              ) : (
                <Tag color="red">{t('certificateVoided')}</Tag>
              ),
          },
          {
            title: t('actions'),
            render: (_: unknown, c) => (
              <Space>
                <Button
                  size="small"
                  onClick={() =>
                    void action.run(() =>
                      api.download(`/api/certificates/${c.number}/pdf`, `${c.number}.pdf`),
                    )
                  }
                >
                  {t('openPdf')}
                </Button>
                {canVoid && c.status === 'valid' && (
                  <Button size="small" danger onClick={() => setVoiding(c.number)}>
                    {t('voidCertificate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <VoidCertificateModal
        number={voiding}
        onClose={(voided) => {
          setVoiding(undefined);
          if (voided) listing.reload();
        }}
      />
    </Card>
  );
}
