/** The desktop app's version, shown in the UI and reported by app:get-info. */
export const DESKTOP_VERSION = '0.1.0';
