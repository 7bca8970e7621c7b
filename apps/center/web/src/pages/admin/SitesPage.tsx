import { Space, Table, Tag, Typography } from 'antd';
import { useCenter } from '../../center-context';
import type { ChainAlert, Organisation, Site } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateTime, shortHash } from '../../components/format';
import { useLoad } from '../../components/use-load';
import { EnrolSiteForm } from './EnrolSiteForm';

/** A site's chain-fork alerts (loaded when its row is opened). */
function SiteAlerts({ siteId }: { readonly siteId: string }) {
  const { api, t } = useCenter();
  const alerts = useLoad(() => api.get<ChainAlert[]>(`/api/sites/${siteId}/alerts`), [api, siteId]);
  if (alerts.error !== undefined) return <ErrorAlert error={alerts.error} />;
  const rows = alerts.data ?? [];
  if (rows.length === 0) return <Typography.Text type="secondary">{t('noAlerts')}</Typography.Text>;
  return (
    <Table<ChainAlert>
      size="small"
      rowKey="packageSha256"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('chainAlerts'), dataIndex: 'detectedAt', render: dateTime, width: 180 },
        { title: t('packageSha'), dataIndex: 'packageSha256', render: shortHash, width: 140 },
        { title: 'known', render: (_: unknown, a) => `#${a.known.seq} ${shortHash(a.known.hash)}` },
        {
          title: 'claimed',
          render: (_: unknown, a) => `#${a.claimed.seq} ${shortHash(a.claimed.hash)}`,
        },
        { title: '', dataIndex: 'detail' },
      ]}
    />
  );
}

/** 考点: enrol a site (centre admin) and the enrolled sites with key ids and chain state. */
export function SitesPage() {
  const { api, login, t } = useCenter();
  const sites = useLoad(() => api.get<Site[]>('/api/sites'), [api]);
  const orgs = useLoad(
    () => api.get<{ organisations: Organisation[] }>('/api/organisations'),
    [api],
  );
  const orgName = new Map((orgs.data?.organisations ?? []).map((o) => [o.id, o.name]));
  const canSeeAlerts = login.staff.role !== 'org_staff';
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {login.staff.role === 'centre_admin' && (
        <EnrolSiteForm organisations={orgs.data?.organisations ?? []} onEnrolled={sites.reload} />
      )}
      <ErrorAlert error={sites.error} />
      <Table<Site>
        rowKey="id"
        size="middle"
        loading={sites.loading}
        dataSource={sites.data ?? []}
        pagination={false}
        data-testid="sites-table"
        {...(canSeeAlerts
          ? { expandable: { expandedRowRender: (site: Site) => <SiteAlerts siteId={site.id} /> } }
          : {})}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          {
            title: t('organisation'),
            dataIndex: 'organisationId',
            render: (id: string) => orgName.get(id) ?? id,
          },
          { title: t('siteSerial'), dataIndex: 'siteSerial', width: 110 },
          {
            title: t('keyId'),
            dataIndex: 'keyId',
            width: 190,
            render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
          },
          {
            title: t('chainHead'),
            dataIndex: 'chainHead',
            render: (head: Site['chainHead']) =>
              head === null ? <Tag>—</Tag> : `#${head.seq} ${shortHash(head.hash)}`,
          },
          { title: t('enrolledAt'), dataIndex: 'enrolledAt', render: dateTime, width: 180 },
        ]}
      />
    </Space>
  );
}
