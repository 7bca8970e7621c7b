import type { Route } from '../../api/routes';
import { BackupsPage } from '../backups/BackupsPage';
import { JobsPage } from '../jobs/JobsPage';
import { KiosksPage } from '../kiosks/KiosksPage';
import { StaffPage } from '../staff/StaffPage';
import { KeysPage } from './KeysPage';

/** The exam admin's site pages (考点管理) for the shell's current route (nothing for others). */
export function SitePages({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'keys':
      return <KeysPage />;
    case 'staff':
      return <StaffPage />;
    case 'kiosks':
      return <KiosksPage />;
    case 'jobs':
      return <JobsPage />;
    case 'backups':
      return <BackupsPage />;
    default:
      return null;
  }
}
