import { CloudServerOutlined, ReloadOutlined } from '@ant-design/icons';
import type { DiscoveredServer } from '@skillexam/shared';
import { Button, List, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n';

interface Props {
  /** The address in the form; a click on a found server puts its URL there. */
  readonly value: string;
  readonly onPick: (url: string) => void;
  /** The address this PC used last, so the form starts with it. */
  readonly onRemembered: (url: string) => void;
}

/** Proctor servers found on the LAN (`_skillexam._tcp`), with the remembered one marked. */
export function ServerPicker({ value, onPick, onRemembered }: Props) {
  const { t } = useI18n();
  const [servers, setServers] = useState<readonly DiscoveredServer[]>();
  const [remembered, setRemembered] = useState<string>();

  const scan = useCallback(() => {
    setServers(undefined);
    window.desktop.invoke('exam:discover-servers', {}).then(
      (found) => {
        setServers(found.servers);
        setRemembered(found.remembered);
        if (found.remembered !== undefined) onRemembered(found.remembered);
      },
      () => setServers([]),
    );
  }, [onRemembered]);
  useEffect(scan, [scan]);

  if (servers === undefined) {
    return (
      <div className="server-picker" data-testid="server-searching">
        <Spin size="small" /> {t('kiosk.serverSearching')}
      </div>
    );
  }
  return (
    <div className="server-picker" data-testid="server-picker">
      {servers.length === 0 ? (
        <Typography.Text type="secondary">{t('kiosk.serverNoneFound')}</Typography.Text>
      ) : (
        <List
          size="small"
          header={t('kiosk.serverFound')}
          bordered
          dataSource={[...servers]}
          renderItem={(server) => (
            <List.Item
              className={server.url === value ? 'server-item selected' : 'server-item'}
              onClick={() => onPick(server.url)}
              data-testid="discovered-server"
            >
              <CloudServerOutlined /> <b>{server.name}</b>{' '}
              <Typography.Text type="secondary">{server.url}</Typography.Text>
              {server.url === remembered && <Tag color="blue">{t('kiosk.serverRemembered')}</Tag>}
            </List.Item>
          )}
        />
      )}
      <Button type="link" size="small" icon={<ReloadOutlined />} onClick={scan}>
        {t('kiosk.serverRescan')}
      </Button>
    </div>
  );
}
