import { exposeDesktopApi } from './expose-desktop-api';

// The author workbench window: app and bank channels.
exposeDesktopApi('author');
