import { Card, ConfigProvider, Layout, Segmented, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { Locale } from '@skillexam/shared';
import { HostStatusCard } from './HostStatusCard';
import { I18nProvider, useI18n } from './i18n';
import { KioskApp } from './kiosk/KioskApp';
import { useHostInfo } from './use-host-info';

const ANTD_LOCALES = { 'zh-CN': zhCN, en: enUS } as const;

function Shell() {
  const { locale, setLocale, t } = useI18n();
  const host = useHostInfo();
  const theme = { token: { colorPrimary: '#1f5fbf' } };
  if (host.status === 'connected' && host.info.windowKind === 'kiosk') {
    // The exam kiosk: candidate login against the proctor server, or a practice paper.
    return (
      <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
        <KioskApp webClient={host.info.runtime === 'node'} />
      </ConfigProvider>
    );
  }
  return (
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header
          style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}
        >
          <Typography.Title level={3} style={{ color: '#fff', margin: 0 }} data-testid="app-title">
            {t('app.title')}
          </Typography.Title>
          <Segmented<Locale>
            value={locale}
            onChange={setLocale}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en' },
            ]}
          />
        </Layout.Header>
        <Layout.Content style={{ padding: 24, maxWidth: 960, width: '100%', margin: '0 auto' }}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
            <Card title={t('home.modes')}>
              <Typography.Paragraph>
                <b>{t('home.author')}</b> — {t('home.authorDescription')}
              </Typography.Paragraph>
              <Typography.Paragraph>
                <b>{t('home.kiosk')}</b> — {t('home.kioskDescription')}
              </Typography.Paragraph>
            </Card>
            <HostStatusCard state={host} />
          </Space>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Shell />
    </I18nProvider>
  );
}
