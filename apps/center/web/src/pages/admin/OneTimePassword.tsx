import { Alert, Typography } from 'antd';
import { useCenter } from '../../center-context';
import type { NewStaffResult } from '../../api/center-types';

/** A new or reset one-time password: shown once, with whom it belongs to. */
export function OneTimePassword({ result }: { readonly result: NewStaffResult | undefined }) {
  const { t } = useCenter();
  if (result === undefined) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="one-time-password"
      style={{ marginBottom: 16 }}
      title={`${t('oneTimePassword')} · ${result.staff.displayName}（${result.staff.username}）`}
      description={
        <>
          <Typography.Text code copyable strong style={{ fontSize: 18 }} data-testid="otp-value">
            {result.oneTimePassword}
          </Typography.Text>
          <div>{t('oneTimePasswordNote')}</div>
        </>
      }
    />
  );
}
