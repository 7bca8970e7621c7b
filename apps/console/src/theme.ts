import { ACCESSIBLE_COLOR_TOKENS } from '@skillexam/shared';
import type { ThemeConfig } from 'antd';

/**
 * The console's antd theme: the accessible colour tokens shared with the desktop (contrast is
 * fixed there, for every component at once). Animations stay off: a live room screen shows a
 * change at once, on any exam-site PC.
 */
export const CONSOLE_THEME: ThemeConfig = {
  token: { borderRadius: 4, motion: false, ...ACCESSIBLE_COLOR_TOKENS },
};
