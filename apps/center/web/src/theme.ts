import { ACCESSIBLE_COLOR_TOKENS } from '@skillexam/shared';
import type { ThemeConfig } from 'antd';

/** The centre's antd theme: the accessible colour tokens the console and the desktop use. */
export const CENTER_THEME: ThemeConfig = {
  token: { borderRadius: 4, motion: false, ...ACCESSIBLE_COLOR_TOKENS },
};
