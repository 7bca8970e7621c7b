import { Button, Card, ConfigProvider, Layout, Segmented, Space, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { Locale } from '@skillexam/shared';
import { useEffect, useState } from 'react';
import { AuthorApp } from './author/AuthorApp';
import { HostStatusCard } from './HostStatusCard';
import { I18nProvider, useI18n } from './i18n';
import { KioskApp } from './kiosk/KioskApp';
import { DESKTOP_THEME } from './theme';
import { useHostInfo } from './use-host-info';

const ANTD_LOCALES = { 'zh-CN': zhCN, en: enUS } as const;

/** `#/author` opens the author workbench; the home screen links to it. */
function useAuthorRoute(): [boolean, () => void] {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onHash = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [hash.startsWith('#/author'), () => (window.location.hash = '#/author')];
}

function Shell() {
  const { locale, setLocale, t } = useI18n();
  const host = useHostInfo();
  const [authorRoute, openAuthor] = useAuthorRoute();
  const theme = DESKTOP_THEME;
  if (host.status === 'connected' && host.info.windowKind === 'kiosk') {
    // The exam kiosk: candidate login against the proctor server, or a practice paper.
    return (
      <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
        <KioskApp webClient={host.info.runtime === 'node'} />
      </ConfigProvider>
    );
  }
  const header = (
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
  );
  if (host.status === 'connected' && host.info.windowKind === 'author' && authorRoute) {
    return (
      <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
        <AuthorApp header={header} />
      </ConfigProvider>
    );
  }
  return (
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
      <Layout style={{ minHeight: '100vh' }}>
        {header}
        <Layout.Content style={{ padding: 24, maxWidth: 960, width: '100%', margin: '0 auto' }}>
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary">{t('app.subtitle')}</Typography.Paragraph>
            <Card title={t('home.modes')}>
              <Typography.Paragraph>
                <b>{t('home.author')}</b> — {t('home.authorDescription')}{' '}
                {host.status === 'connected' && host.info.windowKind === 'author' && (
                  <Button type="link" onClick={openAuthor} data-testid="open-author">
                    {t('home.author')} →
                  </Button>
                )}
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
