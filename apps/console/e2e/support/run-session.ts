import { expect, type Page } from '@playwright/test';

/**
 * Checks in, starts and ends a session from its monitor page (an admin may stand in for the
 * proctor), with the reason the end asks for: what a test needs before results exist.
 */
export async function runAndEndSession(
  page: Page,
  serverUrl: string,
  sessionId: string,
): Promise<void> {
  await page.goto(`${serverUrl}/console/#/s/${sessionId}/monitor`);
  await page.getByRole('button', { name: '开始检录' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('检录中');
  await page.getByRole('button', { name: '开考' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('考试中');
  await page.getByRole('button', { name: '结束考试' }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('考试时间到');
  await page.getByRole('dialog').getByRole('button', { name: '结束考试' }).click();
  await expect(page.getByTestId('session-status')).toHaveText('已结束', { timeout: 30_000 });
}
