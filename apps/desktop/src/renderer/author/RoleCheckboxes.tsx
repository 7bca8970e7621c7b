import { AUTHOR_ROLES, type AuthorRole } from '@skillexam/shared';
import { Checkbox } from 'antd';
import { useI18n } from '../i18n';

interface Props {
  readonly id?: string;
  readonly value?: AuthorRole[];
  readonly onChange?: (roles: AuthorRole[]) => void;
}

/**
 * The user's roles as one named group of checkboxes. A form field of its own so the form's
 * `aria-required` (not allowed on a group) stays off it; the label names the group instead.
 */
export function RoleCheckboxes({ id, value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Checkbox.Group<AuthorRole>
      {...(id === undefined ? {} : { id })}
      {...(value === undefined ? {} : { value })}
      {...(onChange === undefined ? {} : { onChange })}
      role="group"
      aria-label={t('author.user.roles')}
      options={AUTHOR_ROLES.map((role) => ({ value: role, label: t(`author.role.${role}`) }))}
      data-testid="user-roles"
    />
  );
}
