import { exposeDesktopApi } from './expose-desktop-api';

// The exam kiosk window: app and exam channels only.
exposeDesktopApi('kiosk');
