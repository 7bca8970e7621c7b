import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Input, Row, Space, Statistic, Tag } from 'antd';
import { errorMessage } from '@skillexam/shared';
import { useEffect, useState } from 'react';
import { downloadFile, type DownloadFile } from '../api/console-client';
import { ScoreHistogram } from '../components/ScoreHistogram';
import { useQuery } from '../components/use-call';
import { useConsole } from '../console-context';
import { formatNumber, formatPercent } from '../format/format';
import { usePageText } from './page-messages';
import { ItemStatsTable } from './results/ItemStatsTable';
import { ScoreTable } from './results/ScoreTable';

/** Score table (sort, filter), pass rate, histogram, flagged item statistics and exports. */
export function ResultsPage({ sessionId }: { sessionId: string }) {
  const { t, login, connection } = useConsole();
  const text = usePageText();
  const { message } = App.useApp();
  const { data, error, reload } = useQuery('results:summary', { sessionId }, [sessionId]);
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState<DownloadFile | undefined>();
  useEffect(() => {
    connection.socket.on('monitor:session', reload);
    return () => {
      connection.socket.off('monitor:session', reload);
    };
  }, [connection, reload]);

  const download = async (file: DownloadFile) => {
    setBusy(file);
    try {
      void message.success(`${await downloadFile(login.token, sessionId, file)} ✓`);
    } catch (err) {
      void message.error(errorMessage(err), 6);
    } finally {
      setBusy(undefined);
    }
  };
  const exportButton = (file: DownloadFile, label: string, disabled = false) => (
    <Button
      key={file}
      data-testid={`download-${file}`}
      icon={<DownloadOutlined />}
      loading={busy === file}
      disabled={disabled}
      onClick={() => void download(file)}
    >
      {label}
    </Button>
  );

  if (error !== undefined) return <Alert type="error" showIcon title={error} />;
  if (data === undefined) return <Card loading />;
  const rows = data.rows.filter(
    (row) =>
      search === '' || row.name.includes(search) || row.admissionTicketNumber.includes(search),
  );
  const flagged = data.items.filter((item) => item.flags.length > 0).length;
  // The key and item statistics stay secret while any session of the exam runs (0220).
  const keyWithheld = data.itemsWithheld === 'exam_not_ended';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={12}>
        {[
          { title: t('candidates'), value: String(data.rows.length) },
          { title: t('scored'), value: String(data.scored) },
          { title: t('passRate'), value: formatPercent(data.passRate), testid: 'pass-rate' },
          { title: t('mean'), value: formatNumber(data.mean, 1) },
          { title: 'α', value: formatNumber(data.cronbachAlpha, 3) },
          { title: t('flags'), value: `${flagged} / ${data.items.length}` },
        ].map((stat) => (
          <Col key={stat.title} flex="1 1 140px">
            <Card size="small">
              <Statistic title={stat.title} value={stat.value} data-testid={stat.testid} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        size="small"
        title={t('exports')}
        extra={<Button onClick={reload}>{t('refresh')}</Button>}
      >
        <Space wrap data-testid="exports">
          {login.role === 'admin' ? (
            [
              exportButton('score-summary', `${t('scoreSummary')} (.xlsx)`),
              exportButton('answer-sheets', `${t('answerSheets')} (PDF)`, keyWithheld),
              exportButton('results-package', t('resultsPackage'), keyWithheld),
              exportButton('item-statistics', t('statistics'), keyWithheld),
              exportButton('responses', t('responsesForBank'), keyWithheld),
            ]
          ) : (
            <Tag>{text('exportsByAdmin')}</Tag>
          )}
          {exportButton('incident-record', `${t('incidents')} (PDF)`)}
        </Space>
      </Card>
      <Row gutter={16}>
        <Col span={10}>
          <Card size="small" title={t('histogram')}>
            <ScoreHistogram bins={data.histogram} passMark={data.passMark} />
          </Card>
        </Col>
        <Col span={14}>
          <Card
            size="small"
            title={t('scoreTable')}
            extra={
              <Input.Search
                allowClear
                placeholder={`${t('name')} / ${t('ticket')}`}
                onSearch={setSearch}
                style={{ width: 220 }}
              />
            }
          >
            <ScoreTable rows={rows} allRows={data.rows} />
          </Card>
        </Col>
      </Row>
      {data.itemsWithheld !== undefined && (
        <Alert
          type="info"
          showIcon
          data-testid="items-withheld"
          title={data.itemsWithheld === 'role' ? text('withheldRole') : text('withheldExam')}
        />
      )}
      <Card
        size="small"
        title={text('itemStatsTitle', { title: t('itemStats'), count: flagged })}
        hidden={data.itemsWithheld !== undefined}
      >
        <ItemStatsTable items={data.items} />
      </Card>
    </Space>
  );
}
