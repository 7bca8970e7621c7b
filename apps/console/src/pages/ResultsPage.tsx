import { DownloadOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
} from 'antd';
import { describeItemFlag, type ItemStatRow, type ScoreRow } from '@skillexam/shared';
import { useEffect, useState } from 'react';
import { downloadFile, type DownloadFile } from '../api/console-client';
import { STATUS_COLORS } from '../components/CandidateTable';
import { ScoreHistogram } from '../components/ScoreHistogram';
import { useQuery } from '../components/use-call';
import { useConsole } from '../console-context';
import { attemptStatusLabel, formatNumber, formatPercent, formatPoints } from '../format/format';

const FLAG_LABELS = {
  facility_low: 'P < 0.2',
  facility_high: 'P > 0.95',
  discrimination_low: 'r < 0.2',
  distractor_favours_upper: '干扰项',
} as const;

const TYPE_LABELS: Readonly<Record<string, string>> = {
  true_false: '判断',
  single_choice: '单选',
  multiple_choice: '多选',
  fill_blank: '填空',
  short_answer: '简答',
};

/** Score table (sort, filter), pass rate, histogram, flagged item statistics and exports. */
export function ResultsPage({ sessionId }: { sessionId: string }) {
  const { t, lang, login, connection } = useConsole();
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
      void message.error(err instanceof Error ? err.message : String(err), 6);
    } finally {
      setBusy(undefined);
    }
  };
  const exportButton = (file: DownloadFile, label: string, disabled = false) => (
    <Button
      key={file}
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
            <Tag>成绩导出由考务管理人员操作 (exports: exam admin)</Tag>
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
            <Table<ScoreRow>
              data-testid="score-table"
              size="small"
              rowKey="attemptId"
              dataSource={rows}
              pagination={{ pageSize: 8, showSizeChanger: false }}
              columns={[
                {
                  title: t('seat'),
                  dataIndex: 'seat',
                  width: 60,
                  sorter: (a, b) => a.seat - b.seat,
                },
                { title: t('ticket'), dataIndex: 'admissionTicketNumber' },
                { title: t('name'), dataIndex: 'name', width: 90 },
                {
                  title: t('status'),
                  width: 100,
                  filters: [...new Set(data.rows.map((r) => r.status))].map((s) => ({
                    text: attemptStatusLabel(s, lang),
                    value: s,
                  })),
                  onFilter: (value, row) => row.status === value,
                  render: (_, row) => (
                    <Tag color={STATUS_COLORS[row.status]}>
                      {attemptStatusLabel(row.status, lang)}
                    </Tag>
                  ),
                },
                {
                  title: t('total'),
                  width: 80,
                  sorter: (a, b) => (a.total ?? -1) - (b.total ?? -1),
                  defaultSortOrder: 'descend',
                  render: (_, row) => formatPoints(row.total),
                },
                {
                  title: t('result'),
                  width: 90,
                  filters: [
                    { text: t('pass'), value: 'pass' },
                    { text: t('fail'), value: 'fail' },
                    { text: t('pending'), value: 'pending' },
                  ],
                  onFilter: (value, row) => row.result === value,
                  render: (_, row) =>
                    row.result === undefined ? (
                      '—'
                    ) : (
                      <Tag
                        color={
                          row.result === 'pass' ? 'green' : row.result === 'fail' ? 'red' : 'orange'
                        }
                      >
                        {t(row.result)}
                      </Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {data.itemsWithheld !== undefined && (
        <Alert
          type="info"
          showIcon
          data-testid="items-withheld"
          title={
            data.itemsWithheld === 'role'
              ? '监考人员只查看本场次的成绩，试题分析由考务管理人员和质量督导员查看 (item statistics: admins and supervisors)'
              : '本考试还有场次未结束：答案、答卷与试题分析在全部场次结束后才显示和下载 (withheld until every session of the exam has ended)'
          }
        />
      )}
      <Card
        size="small"
        title={`${t('itemStats')} · 标记 ${flagged} 题`}
        hidden={data.itemsWithheld !== undefined}
      >
        <Table<ItemStatRow>
          data-testid="item-stats"
          size="small"
          rowKey="itemId"
          dataSource={[...data.items]}
          pagination={false}
          scroll={{ y: 420 }}
          onRow={(item) => ({
            style: item.flags.length > 0 ? { background: '#fff1f0' } : {},
            'data-flagged': item.flags.length > 0 ? 'true' : 'false',
          })}
          columns={[
            {
              title: t('item'),
              dataIndex: 'number',
              width: 60,
              sorter: (a, b) => a.number - b.number,
            },
            { title: 'ID', dataIndex: 'itemId', width: 110 },
            {
              title: t('type'),
              width: 60,
              render: (_, item) => TYPE_LABELS[item.itemType] ?? item.itemType,
            },
            { title: 'n', dataIndex: 'n', width: 50 },
            {
              title: t('facility'),
              width: 90,
              sorter: (a, b) => a.facility - b.facility,
              render: (_, item) => formatNumber(item.facility, 2),
            },
            {
              title: t('discrimination'),
              width: 100,
              sorter: (a, b) => (a.correctedPointBiserial ?? 9) - (b.correctedPointBiserial ?? 9),
              render: (_, item) => formatNumber(item.correctedPointBiserial, 2),
            },
            {
              title: t('omitRate'),
              width: 80,
              render: (_, item) => formatPercent(item.omitRate, 0),
            },
            {
              title: '选项 (高分组/低分组)',
              render: (_, item) =>
                (item.options ?? []).map((o) => (
                  <Tag
                    key={o.option}
                    color={o.isKey ? 'green' : o.upperRate > o.lowerRate ? 'red' : 'default'}
                  >
                    {o.option} {Math.round(o.upperRate * 100)}/{Math.round(o.lowerRate * 100)}
                  </Tag>
                )),
            },
            {
              title: t('flags'),
              width: 220,
              filters: [{ text: '仅显示标记题', value: 'flagged' }],
              onFilter: (_, item) => item.flags.length > 0,
              render: (_, item) =>
                item.flags.map((flag, index) => (
                  <Tooltip
                    key={`${flag.code}${index}`}
                    title={describeItemFlag(
                      flag.option === undefined
                        ? { code: flag.code, value: flag.value }
                        : { code: flag.code, value: flag.value, option: flag.option },
                      lang,
                    )}
                  >
                    <Tag icon={<WarningOutlined />} color="error" data-flag={flag.code}>
                      {FLAG_LABELS[flag.code]}
                      {flag.option === undefined ? '' : ` ${flag.option}`}
                    </Tag>
                  </Tooltip>
                )),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
