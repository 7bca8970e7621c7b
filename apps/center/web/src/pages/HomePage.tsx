import { Card, Descriptions, Typography } from 'antd';
import { useCenter } from '../center-context';

/** Who is logged in and where the public lookup is. */
export function HomePage() {
  const { login, t } = useCenter();
  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('appSubtitle')}
      </Typography.Title>
      <Descriptions column={1}>
        <Descriptions.Item label={t('username')}>{login.staff.username}</Descriptions.Item>
        <Descriptions.Item label={t('staff')}>{t(`role_${login.staff.role}`)}</Descriptions.Item>
        <Descriptions.Item label={t('publicLookup')}>
          <a href="/verify">/verify</a>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
