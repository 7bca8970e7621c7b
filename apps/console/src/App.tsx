import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { Locale, StaffLoginResult } from '@skillexam/shared';
import { useEffect, useMemo, useState } from 'react';
import { loadLogin, saveLogin } from './api/auth-storage';
import { connectConsole } from './api/console-client';
import { ConsoleContext, translator } from './console-context';
import { ConsoleShell } from './pages/ConsoleShell';
import { LoginPage } from './pages/LoginPage';
import { CONSOLE_THEME } from './theme';

const LANG_KEY = 'skillexam.console.lang';

/** The antd App wrapper grows to #root's height and lets the page below grow too. */
const FILL_COLUMN = { flex: '1 0 auto', display: 'flex', flexDirection: 'column' } as const;

function initialLang(): Locale {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
}

/**
 * zh-CN by default (antd's Chinese locale), English switchable; login, then the shell.
 * Animations are off (theme.ts): a live room screen should show a change at once.
 */
export function App() {
  const [lang, setLang] = useState<Locale>(initialLang);
  const [login, setLogin] = useState<StaffLoginResult | undefined>(() => loadLogin(Date.now()));
  const connection = useMemo(
    () => (login === undefined ? undefined : connectConsole(login.token)),
    [login],
  );
  useEffect(() => () => connection?.close(), [connection]);
  useEffect(() => {
    localStorage.setItem(LANG_KEY, lang);
    document.documentElement.lang = lang;
  }, [lang]);

  const t = translator(lang);
  const switchLang = () => setLang(lang === 'en' ? 'zh-CN' : 'en');
  const onLogin = (result: StaffLoginResult) => {
    saveLogin(result);
    setLogin(result);
  };
  const onLogout = () => {
    saveLogin(undefined);
    setLogin(undefined);
  };

  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={CONSOLE_THEME}
      button={{ autoInsertSpace: false }}
    >
      <AntApp style={FILL_COLUMN}>
        {login === undefined || connection === undefined ? (
          <LoginPage lang={lang} t={t} onLogin={onLogin} onSwitchLang={switchLang} />
        ) : (
          <ConsoleContext.Provider value={{ connection, login, lang, t }}>
            <ConsoleShell onLogout={onLogout} onSwitchLang={switchLang} />
          </ConsoleContext.Provider>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
