import type { StaffRole } from '@skillexam/shared';
import type { AdminTextKey } from '../keys/admin-messages';

const ROLE_KEYS: Readonly<Record<StaffRole, AdminTextKey>> = {
  admin: 'roleAdmin',
  proctor: 'roleProctor',
  supervisor: 'roleSupervisor',
};

export function roleLabel(text: (key: AdminTextKey) => string, role: StaffRole): string {
  return text(ROLE_KEYS[role]);
}

export function roleOptions(text: (key: AdminTextKey) => string) {
  return (['proctor', 'supervisor', 'admin'] as const).map((role) => ({
    value: role,
    label: roleLabel(text, role),
  }));
}
