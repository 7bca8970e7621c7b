import { Button, Card, Table } from 'antd';
import { useCenter } from '../../center-context';
import type { IssuedCertificate } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/use-load';

/** Certificates just issued, each with its PDF. */
export function IssuedList({ issued }: { readonly issued: readonly IssuedCertificate[] }) {
  const { api, t } = useCenter();
  const action = useAction();
  return (
    <Card size="small" title={t('issued', { count: issued.length })} data-testid="issued-list">
      <ErrorAlert error={action.error} />
      <Table<IssuedCertificate>
        rowKey="number"
        size="small"
        pagination={false}
        dataSource={[...issued]}
        locale={{ emptyText: t('issuedNone') }}
        columns={[
          { title: t('certificateNumber'), dataIndex: 'number' },
          { title: t('holderName'), dataIndex: 'name' },
          {
            title: t('actions'),
            render: (_: unknown, c) => (
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
            ),
          },
        ]}
      />
    </Card>
  );
}
