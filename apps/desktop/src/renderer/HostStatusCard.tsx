import { Alert, Badge, Card, Descriptions, Spin } from 'antd';
import { useI18n } from './i18n';
import type { HostState } from './use-host-info';

/** Shows that the bridge works: who the host is and how long a call took. */
export function HostStatusCard({ state }: { readonly state: HostState }) {
  const { t } = useI18n();
  return (
    <Card title={t('bridge.title')} data-testid="host-status">
      {state.status === 'connecting' && <Spin description={t('bridge.connecting')} />}
      {state.status === 'failed' && (
        <Alert type="error" showIcon message={t('bridge.failed')} description={state.message} />
      )}
      {state.status === 'connected' && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('bridge.status')}>
            <Badge status="success" text={t('bridge.connected')} />
          </Descriptions.Item>
          <Descriptions.Item label={t('bridge.hostRuntime')}>
            <span data-testid="host-runtime">{t(`bridge.runtime.${state.info.runtime}`)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('bridge.nodeVersion')}>
            {state.info.nodeVersion}
          </Descriptions.Item>
          <Descriptions.Item label={t('bridge.pid')}>
            <span data-testid="host-pid">{state.info.pid}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('bridge.roundTrip')}>
            {t('bridge.roundTripMs', { ms: state.roundTripMs.toFixed(1) })}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
