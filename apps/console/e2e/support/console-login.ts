import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

/*
 * A staff member signed in to the console in a fresh browser context, as the tests' people do:
 * the login form by its labels (zh-CN unless `lang` says English), then their name in the header.
 */

export interface ConsoleUser {
  readonly username: string;
  readonly password: string;
}

const LANG_KEY = 'skillexam.console.lang';

export async function logInToConsole(
  browser: Browser,
  serverUrl: string,
  user: ConsoleUser,
  options: BrowserContextOptions & { readonly lang?: 'zh-CN' | 'en' } = {},
): Promise<Page> {
  const { lang = 'zh-CN', ...contextOptions } = options;
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    ...contextOptions,
  });
  // the language is the console's own setting (kept in localStorage), chosen before it loads
  await context.addInitScript(
    ([key, value]) => {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
    },
    [LANG_KEY, lang] as const,
  );
  const page = await context.newPage();
  await page.goto(`${serverUrl}/console/`);
  await page.getByLabel(lang === 'en' ? 'Username' : '用户名').fill(user.username);
  await page.getByLabel(lang === 'en' ? 'Password' : '密码').fill(user.password);
  await page.getByRole('button', { name: lang === 'en' ? 'Log in' : '登录' }).click();
  await expect(page.getByTestId('whoami')).toContainText(user.username);
  return page;
}
