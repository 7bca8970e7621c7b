import {
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
import type { CenterLogin } from '../api/center-api';
import type { MessageKey } from '../i18n/messages';
import { HomePage } from './HomePage';

/*
 * The pages of the centre UI and who sees them. A role sees only its pages; the server checks
 * every call again (the menu is a convenience, not the guard).
 */

type Role = CenterLogin['role'];

export interface CenterPage {
  readonly id: string;
  readonly title: MessageKey;
  readonly icon: ReactNode;
  readonly roles: readonly Role[];
  readonly render: () => ReactNode;
}

const ALL: readonly Role[] = ['centre_admin', 'org_staff', 'supervisor'];

export const CENTER_PAGES: readonly CenterPage[] = [
  { id: 'home', title: 'home', icon: <HomeOutlined />, roles: ALL, render: () => <HomePage /> },
];

/** Icons for pages added as their server routes land. */
export const PAGE_ICONS = {
  packages: <CloudUploadOutlined />,
  sites: <BankOutlined />,
  batches: <UnorderedListOutlined />,
  certificates: <FileProtectOutlined />,
  ranges: <NumberOutlined />,
  supervision: <AuditOutlined />,
  staff: <TeamOutlined />,
} as const;

export function pagesOf(role: Role): readonly CenterPage[] {
  return CENTER_PAGES.filter((page) => page.roles.includes(role));
}
