/*
 * The colour tokens both antd apps (the desktop's kiosk and workbench, the proctor console) use,
 * so that text reaches WCAG 2.1 AA contrast (4.5:1) everywhere at once: antd's default blue
 * #1677ff is 4.1:1 on white and its secondary/tertiary greys 3–3.5:1. Plain data, no antd
 * import: each app spreads it into its ThemeConfig's `token`.
 */

/**
 * A preset colour's shade 7 (tag text), under both of antd's names for it: `green7` and the
 * older `green-7` share one CSS variable, so both must change.
 */
function presetText(color: string, value: string): Record<string, string> {
  return { [`${color}7`]: value, [`${color}-7`]: value };
}

export const ACCESSIBLE_COLOR_TOKENS: Readonly<Record<string, string>> = {
  colorPrimary: '#1f5fbf',
  // hovered and pressed buttons darken instead of paling (white text stays above 4.5:1)
  colorPrimaryHover: '#174a96',
  colorPrimaryActive: '#123a75',
  colorLink: '#1f5fbf',
  colorLinkHover: '#174a96',
  colorLinkActive: '#123a75',
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
};
