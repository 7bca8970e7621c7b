import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CloudUploadOutlined,
  FileProtectOutlined,
  HomeOutlined,
  NumberOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { CenterRole } from '../api/center-api';
import type { MessageKey } from '../i18n/messages';
import { HomePage } from './HomePage';
import { OrganisationsPage } from './admin/OrganisationsPage';
import { SitesPage } from './admin/SitesPage';
import { StaffPage } from './admin/StaffPage';
import { BatchesPage } from './batches/BatchesPage';
import { CertificatesPage } from './certificates/CertificatesPage';
import { PackagesPage } from './packages/PackagesPage';
import { RangesPage } from './ranges/RangesPage';
import { SupervisionPage } from './supervision/SupervisionPage';

/*
 * The pages of the centre UI and who sees them. A role sees only its pages; the server checks
 * every call again (the menu is a convenience, not the guard).
 */

type Role = CenterRole;

export interface CenterPage {
  readonly id: string;
  readonly title: MessageKey;
  readonly icon: ReactNode;
  readonly roles: readonly Role[];
  readonly render: () => ReactNode;
}

const ALL: readonly Role[] = ['centre_admin', 'org_staff', 'supervisor'];

const ADMIN: readonly Role[] = ['centre_admin'];

export const CENTER_PAGES: readonly CenterPage[] = [
  { id: 'home', title: 'home', icon: <HomeOutlined />, roles: ALL, render: () => <HomePage /> },
  {
    id: 'packages',
    title: 'packages',
    icon: <CloudUploadOutlined />,
    roles: ['org_staff', 'centre_admin', 'supervisor'],
    render: () => <PackagesPage />,
  },
  {
    id: 'batches',
    title: 'batches',
    icon: <UnorderedListOutlined />,
    roles: ['org_staff', 'centre_admin', 'supervisor'],
    render: () => <BatchesPage />,
  },
  {
    id: 'certificates',
    title: 'certificates',
    icon: <FileProtectOutlined />,
    roles: ALL,
    render: () => <CertificatesPage />,
  },
  {
    id: 'ranges',
    title: 'ranges',
    icon: <NumberOutlined />,
    roles: ALL,
    render: () => <RangesPage />,
  },
  {
    id: 'sites',
    title: 'sites',
    icon: <BankOutlined />,
    roles: ['centre_admin', 'supervisor'],
    render: () => <SitesPage />,
  },
  {
    id: 'supervision',
    title: 'supervision',
    icon: <AuditOutlined />,
    roles: ['supervisor', 'centre_admin'],
    render: () => <SupervisionPage />,
  },
  {
    id: 'organisations',
    title: 'organisations',
    icon: <ApartmentOutlined />,
    roles: ADMIN,
    render: () => <OrganisationsPage />,
  },
  {
    id: 'staff',
    title: 'staff',
    icon: <TeamOutlined />,
    roles: ADMIN,
    render: () => <StaffPage />,
  },
];

export function pagesOf(role: Role): readonly CenterPage[] {
  return CENTER_PAGES.filter((page) => page.roles.includes(role));
}
