import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { Locale } from '@skillexam/shared';
import { useEffect, useMemo, useState } from 'react';
import { centerApi, type CenterLogin } from './api/center-api';
import { loadLogin, saveLogin } from './api/login-storage';
import { CenterContext, translator } from './center-context';
import { CenterShell } from './pages/CenterShell';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { LoginPage } from './pages/LoginPage';
import { CENTER_THEME } from './theme';

const LANG_KEY = 'skillexam.center.lang';
const FILL_COLUMN = { flex: '1 0 auto', display: 'flex', flexDirection: 'column' } as const;

function initialLang(): Locale {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN';
}

/** zh-CN by default, English switchable; login, then the shell with the pages of the role. */
export function App() {
  const [lang, setLang] = useState<Locale>(initialLang);
  const [login, setLogin] = useState<CenterLogin | undefined>(() => loadLogin(Date.now()));
  const api = useMemo(() => centerApi(login?.token), [login]);
  useEffect(() => {
    localStorage.setItem(LANG_KEY, lang);
    document.documentElement.lang = lang;
  }, [lang]);

  const t = translator(lang);
  const switchLang = () => setLang(lang === 'en' ? 'zh-CN' : 'en');
  const onLogin = (result: CenterLogin) => {
    saveLogin(result);
    setLogin(result);
  };
  const onLogout = () => {
    void api.post('/api/auth/logout').catch(() => undefined);
    saveLogin(undefined);
    setLogin(undefined);
  };

  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={CENTER_THEME}
      button={{ autoInsertSpace: false }}
    >
      <AntApp style={FILL_COLUMN}>
        {login === undefined ? (
          <LoginPage t={t} onLogin={onLogin} onSwitchLang={switchLang} />
        ) : (
          <CenterContext.Provider value={{ api, login, lang, t }}>
            {login.staff.mustChangePassword ? (
              <ChangePasswordPage
                onLogout={onLogout}
                onChanged={() =>
                  onLogin({ ...login, staff: { ...login.staff, mustChangePassword: false } })
                }
              />
            ) : (
              <CenterShell onLogout={onLogout} onSwitchLang={switchLang} />
            )}
          </CenterContext.Provider>
        )}
      </AntApp>
    </ConfigProvider>
  );
}
