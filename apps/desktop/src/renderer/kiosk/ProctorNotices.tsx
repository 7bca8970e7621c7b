import { NotificationOutlined } from '@ant-design/icons';
import type { AttemptMessage } from '@skillexam/shared';
import { Alert } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';

const time = (at: number) =>
  new Date(at).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });

/**
 * Messages from the proctors (`attempt:message`), newest on top, until the candidate closes
 * them. Shown on every kiosk screen, above the content, so they cannot be missed.
 */
export function ProctorNotices({ notices }: { readonly notices: readonly AttemptMessage[] }) {
  const { t } = useI18n();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const keyOf = (n: AttemptMessage) => `${n.at}:${n.text}`;
  const visible = notices
    .filter((n) => !dismissed.has(keyOf(n)))
    .slice(-2)
    .reverse();
  if (visible.length === 0) return null;
  return (
    <div
      className="kiosk-notices"
      role="status"
      aria-live="assertive"
      data-testid="proctor-notices"
    >
      {visible.map((notice) => (
        <Alert
          key={keyOf(notice)}
          type="info"
          showIcon
          icon={<NotificationOutlined />}
          message={`${t('kiosk.noticeTitle')}：${notice.text}`}
          description={t('kiosk.noticeFrom', { from: notice.from, time: time(notice.at) })}
          closable
          onClose={() => setDismissed((d) => new Set(d).add(keyOf(notice)))}
        />
      ))}
    </div>
  );
}
