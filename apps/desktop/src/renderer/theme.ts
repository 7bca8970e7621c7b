import { ACCESSIBLE_COLOR_TOKENS } from '@skillexam/shared';
import type { ThemeConfig } from 'antd';

/**
 * The desktop's antd theme (kiosk and workbench): the accessible colour tokens shared with the
 * console, so every component inherits WCAG 2.1 AA contrast.
 */
export const DESKTOP_THEME: ThemeConfig = { token: { ...ACCESSIBLE_COLOR_TOKENS } };

/**
 * The kiosk's high-contrast mode: white on black, yellow for the accent, as the exam screen's
 * stylesheet draws its own parts; antd's components take the same colours from these tokens.
 */
export const HIGH_CONTRAST_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#ffd400',
    colorLink: '#ffd400',
    colorLinkHover: '#ffe766',
    colorInfo: '#ffd400',
    colorText: '#ffffff',
    colorTextSecondary: '#ffffff',
    colorTextTertiary: '#ffffff',
    colorTextDescription: '#ffffff',
    colorTextPlaceholder: '#d9d9d9',
    colorTextLightSolid: '#000000',
    colorTextDisabled: '#bfbfbf',
    colorBgContainerDisabled: '#262626',
    colorBgContainer: '#000000',
    colorBgElevated: '#000000',
    colorBgLayout: '#000000',
    colorBorder: '#ffffff',
    colorBorderSecondary: '#ffffff',
    colorSplit: '#ffffff',
    colorError: '#ff7875',
    colorWarning: '#ffd400',
    colorSuccess: '#95de64',
  },
};
