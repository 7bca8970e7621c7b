import {
  AutoComplete,
  Button,
  Card,
  Empty,
  Form,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useCenter } from '../../center-context';
import type { PackageRow, RoomSimilarity, Site, SimilarPair } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { shortHash } from '../../components/format';
import { useAction, useLoad } from '../../components/use-load';

interface Query {
  readonly siteId: string;
  readonly sessionId: string;
}

/** One flagged pair: who, the identical wrong answers, p, and the packages' audit records. */
function PairView({ pair }: { readonly pair: SimilarPair }) {
  const { t } = useCenter();
  const [a, b] = pair.candidates;
  return (
    <List.Item>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap>
          <Tag color="red">p = {pair.p.toExponential(2)}</Tag>
          <Typography.Text strong>
            {a?.name}（{a?.admissionTicket}，{a?.seat ?? '—'}）↔ {b?.name}（{b?.admissionTicket}，
            {b?.seat ?? '—'}）
          </Typography.Text>
        </Space>
        <Typography.Text>
          {t('identicalWrong', {
            count: pair.identicalWrong.length,
            expected: pair.expected.toFixed(2),
          })}
          ：{pair.identicalWrong.map((w) => `${w.number ?? '?'}→${w.answer ?? '—'}`).join('，')}
        </Typography.Text>
        {pair.packages.map((p) => (
          <Typography.Text type="secondary" key={p.sha256}>
            {t('packageSha')} {shortHash(p.sha256)} · {t('auditLink')}：
            {p.audit.map((e) => `#${e.seq} ${e.action}`).join('，')} · <code>{p.auditUrl}</code>
          </Typography.Text>
        ))}
      </Space>
    </List.Item>
  );
}

/** 同考场雷同作答: flagged pairs per room of one site's session. */
export function SimilarityPanel() {
  const { api, t } = useCenter();
  const [form] = Form.useForm<Query>();
  const siteId = Form.useWatch('siteId', form);
  const sites = useLoad(() => api.get<Site[]>('/api/sites'), [api]);
  const packages = useLoad(() => api.get<PackageRow[]>('/api/packages'), [api]);
  const sessions = [
    ...new Set(
      (packages.data ?? [])
        .filter((p) => p.site.id === siteId && p.current)
        .map((p) => p.session.id),
    ),
  ];
  const action = useAction();
  const [result, setResult] = useState<RoomSimilarity | undefined>();
  const check = async (query: Query) => {
    const path = `/api/supervision/sites/${encodeURIComponent(query.siteId)}/sessions/${encodeURIComponent(query.sessionId.trim())}/similarity`;
    setResult(await action.run(() => api.get<RoomSimilarity>(path)));
  };
  return (
    <Card size="small" title={t('similarity')}>
      <Typography.Paragraph type="secondary">{t('similarityHelp')}</Typography.Paragraph>
      <Form
        layout="inline"
        onFinish={(q: Query) => void check(q)}
        style={{ rowGap: 8, marginBottom: 12 }}
      >
        <Form.Item name="siteId" label={t('site')} rules={[{ required: true }]}>
          <Select
            style={{ width: 240 }}
            options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="sessionId" label={t('sessionId')} rules={[{ required: true }]}>
          <AutoComplete style={{ width: 220 }} options={sessions.map((id) => ({ value: id }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={action.busy}>
          {t('check')}
        </Button>
      </Form>
      <ErrorAlert error={action.error} />
      {result?.rooms.map((room) => (
        <Card
          key={room.roomName}
          size="small"
          type="inner"
          style={{ marginBottom: 12 }}
          title={`${room.roomName} · ${t('candidates')} ${room.candidates}`}
          extra={t('pairsTested', {
            pairs: room.pairsTested,
            threshold: room.threshold.toExponential(1),
          })}
        >
          {room.flagged.length === 0 ? (
            <Empty description={t('noPairs')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <List dataSource={[...room.flagged]} renderItem={(pair) => <PairView pair={pair} />} />
          )}
        </Card>
      ))}
    </Card>
  );
}
