import { errorMessage, type IpcOutput } from '@skillexam/shared';
import { Alert, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { bank } from './author-api';

type Statistics = IpcOutput<'bank:item-statistics'>;

const fixed = (value: number | undefined) => (value === undefined ? '—' : value.toFixed(3));

/**
 * 实测统计: an item's measured statistics version by version — pooled p and r, papers that
 * pinned the version, candidates who saw it — and each administration they come from.
 */
export function ItemStatisticsPanel({ itemId }: { readonly itemId: string }) {
  const { t } = useI18n();
  const [data, setData] = useState<Statistics>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    bank('bank:item-statistics', { id: itemId }).then(setData, (e: unknown) =>
      setError(errorMessage(e)),
    );
  }, [itemId]);

  if (error !== undefined) return <Alert type="error" message={error} />;
  if (data === undefined) return null;
  if (data.versions.length === 0)
    return <Typography.Text type="secondary">{t('author.history.noStatistics')}</Typography.Text>;
  return (
    <List
      size="small"
      data-testid="item-statistics"
      dataSource={data.versions}
      renderItem={(version) => (
        <List.Item>
          <div>
            <b>
              {t('author.history.versionStats', {
                version: version.version,
                p: fixed(version.p),
                r: fixed(version.discrimination),
                n: version.n,
                count: version.administrations,
                papers: version.papersPinned,
                seen: version.candidatesSeen,
              })}
            </b>
            {data.administrations
              .filter((a) => a.version === version.version)
              .map((a) => (
                <div key={a.importId} className="administration">
                  {t('author.history.administration', {
                    date: a.administeredOn ?? a.importedAt.slice(0, 10),
                    exam: a.examId ?? '',
                    session: a.sessionId ?? '',
                    n: a.n,
                    p: fixed(a.p),
                    r: fixed(a.discrimination),
                  })}
                </div>
              ))}
          </div>
        </List.Item>
      )}
    />
  );
}
