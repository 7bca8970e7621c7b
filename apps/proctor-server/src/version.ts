/** Reported by /api/health and system:ping; bumped with each release. */
export const SERVER_VERSION = '0.1.0';
