import type { ThemeConfig } from 'antd';

/**
 * A preset colour's shade 7 (tag text), under both of antd's names for it: `green7` and the
 * older `green-7` share one CSS variable, so both must change.
 */
function presetText(color: string, value: string): Record<string, string> {
  return { [`${color}7`]: value, [`${color}-7`]: value };
}

/**
 * The desktop's antd theme (kiosk and workbench). Contrast is fixed here, in the tokens, so
 * every component inherits it (WCAG 2.1 AA, 4.5:1 for text on white and on the light greys):
 * antd's default link blue #1677ff is 4.1:1 and its secondary/tertiary greys are 3–3.5:1.
 */
export const DESKTOP_THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    // hovered and pressed buttons darken instead of paling (white text stays above 4.5:1)
    colorPrimaryHover: '#174a96',
    colorPrimaryActive: '#123a75',
    colorLink: '#1f5fbf',
    colorLinkHover: '#174a96',
    colorLinkActive: '#123a75',
    // Status colours are text too (tags, alerts): dark enough on their own light backgrounds,
    // which are set here because antd would derive greyish ones from these darker seeds.
    colorInfo: '#1f5fbf',
    colorInfoBg: '#e6f4ff',
    colorInfoBorder: '#91caff',
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorError: '#c41d1d',
    colorErrorBg: '#fff2f0',
    colorErrorBorder: '#ffccc7',
    // Tag text of the preset colours (shade 7) that is under 4.5:1 on its own light background
    // becomes shade 8 or 9.
    ...presetText('green', '#237804'),
    ...presetText('orange', '#ad4e00'),
    ...presetText('gold', '#ad6800'),
    ...presetText('volcano', '#ad2102'),
    ...presetText('cyan', '#006d75'),
    ...presetText('lime', '#3f6600'),
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
};

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
