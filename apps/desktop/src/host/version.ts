/** The desktop app's version, shown in the UI and reported by app:getInfo. */
export const DESKTOP_VERSION = '0.1.0';
