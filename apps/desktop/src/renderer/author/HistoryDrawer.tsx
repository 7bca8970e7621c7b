import { errorMessage } from '@skillexam/shared';
import type { IpcOutput } from '@skillexam/shared';
import { Alert, Drawer, Select, Space, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { bank } from './author-api';
import { ItemStatisticsPanel } from './ItemStatisticsPanel';
import { StatusTag } from './StatusTag';

type History = IpcOutput<'bank:history'>;
type Diff = IpcOutput<'bank:diff'>;

/** Colours a unified diff line by line (added green, removed red). */
function DiffView({ patch }: { readonly patch: string }) {
  const lines = patch.split('\n').slice(4);
  return (
    <pre className="author-diff" data-testid="version-diff">
      {lines.map((line, index) => (
        <div
          key={index}
          className={
            line.startsWith('+')
              ? 'diff-add'
              : line.startsWith('-')
                ? 'diff-del'
                : line.startsWith('@@')
                  ? 'diff-hunk'
                  : ''
          }
        >
          {line === '' ? ' ' : line}
        </div>
      ))}
    </pre>
  );
}

/** An item's versions and review events, and a diff between any two versions. */
export function HistoryDrawer(props: {
  readonly open: boolean;
  readonly itemId: string;
  readonly onClose: () => void;
}) {
  const { t } = useI18n();
  const [history, setHistory] = useState<History>();
  const [range, setRange] = useState<[number, number]>();
  const [diff, setDiff] = useState<Diff>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!props.open) return;
    bank('bank:history', { id: props.itemId }).then(
      (loaded) => {
        setHistory(loaded);
        const last = loaded.versions.at(-1)?.version ?? 1;
        setRange([Math.max(1, last - 1), last]);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [props.open, props.itemId]);

  useEffect(() => {
    if (range === undefined) return;
    bank('bank:diff', { id: props.itemId, from: range[0], to: range[1] }).then(
      setDiff,
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [range, props.itemId]);

  const versionOptions = (history?.versions ?? []).map((v) => ({
    value: v.version,
    label: `v${v.version}`,
  }));
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={640}
      title={t('author.history.title')}
      destroyOnHidden
    >
      {error !== undefined && <Alert type="error" message={error} />}
      {history !== undefined && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Title level={5}>{t('author.history.versions')}</Typography.Title>
          <Timeline
            items={history.versions.map((version) => ({
              children: (
                <span>
                  <b>v{version.version}</b> · {version.createdBy} ·{' '}
                  {version.createdAt.slice(0, 19).replace('T', ' ')}
                  {version.note === undefined ? '' : ` · ${version.note}`}
                </span>
              ),
            }))}
          />
          <Typography.Title level={5}>{t('author.history.statistics')}</Typography.Title>
          <ItemStatisticsPanel itemId={props.itemId} />
          <Typography.Title level={5}>{t('author.history.events')}</Typography.Title>
          <Timeline
            items={history.events.map((event) => ({
              children: (
                <span>
                  v{event.version} <StatusTag status={event.to} /> {event.actor} ·{' '}
                  {event.at.slice(0, 19).replace('T', ' ')}
                  {event.comment === undefined ? '' : ` · ${event.comment}`}
                </span>
              ),
            }))}
          />
          <Typography.Title level={5}>{t('author.history.diff')}</Typography.Title>
          <Space>
            <Select
              value={range?.[0] ?? null}
              options={versionOptions}
              onChange={(from: number) => setRange([from, range?.[1] ?? from])}
            />
            →
            <Select
              value={range?.[1] ?? null}
              options={versionOptions}
              onChange={(to: number) => setRange([range?.[0] ?? to, to])}
            />
            {diff !== undefined && (
              <Typography.Text type="secondary">
                +{diff.added} −{diff.removed}
              </Typography.Text>
            )}
          </Space>
          {diff !== undefined && <DiffView patch={diff.patch} />}
        </Space>
      )}
    </Drawer>
  );
}
