import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { errorMessage, type CandidateAdminList, type CandidateAdminRow } from '@skillexam/shared';
import { Alert, App, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ReasonModal } from '../../components/ReasonModal';
import { useConsole } from '../../console-context';
import { useAdminApi } from '../sessions-admin/use-admin-api';
import { AddCandidateModal } from './AddCandidateModal';
import { candidateColumns } from './candidate-columns';
import { useCandidateText } from './candidate-messages';
import { candidatesApi } from './candidates-api';
import { filterCandidates } from './filter-candidates';

type Pending = { kind: 'withdraw' | 'reinstate'; row: CandidateAdminRow };

/*
 * 考生管理 (exam admin; docs/decisions/0973–0976): the session's candidates with photo and status;
 * add one (the roster's checks), withdraw with a reason (撤销考试资格) before they sign in,
 * reinstate before the start, reissue one admission slip (new exam code).
 */
export function CandidatesPage({ sessionId }: { readonly sessionId: string }) {
  const { t, login, lang } = useConsole();
  const text = useCandidateText();
  const { message } = App.useApp();
  const api = useMemo(() => candidatesApi(login.token), [login.token]);
  const slips = useAdminApi();
  const [data, setData] = useState<CandidateAdminList>();
  const [error, setError] = useState<string>();
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [pending, setPending] = useState<Pending>();
  const reload = useCallback(() => {
    api.list(sessionId).then(
      (list) => {
        setData(list);
        setError(undefined);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [api, sessionId]);
  useEffect(reload, [reload]);
  if (login.role !== 'admin') return <Alert type="warning" showIcon title={t('adminOnly')} />;

  const fail = (err: unknown) => void message.error(errorMessage(err), 8);
  const confirmPending = async (reason: string) => {
    if (pending === undefined) return;
    const { kind, row } = pending;
    try {
      const body = { sessionId, attemptId: row.attemptId, reason };
      if (kind === 'withdraw') {
        await api.withdraw(body);
        void message.success(text('withdrawDone', { ticket: row.admissionTicketNumber }));
      } else {
        const back = await api.reinstate(body);
        void message.success(
          text('reinstateDone', { ticket: row.admissionTicketNumber, seat: back.seat }),
        );
      }
      setPending(undefined);
      reload();
    } catch (err) {
      fail(err);
    }
  };
  const reissue = async (row: CandidateAdminRow) => {
    try {
      const file = await slips.slips(sessionId, undefined, '', row.admissionTicketNumber);
      void message.success(text('reissued', { file }));
    } catch (err) {
      fail(err);
    }
  };
  const status = data?.sessionStatus ?? '';
  const columns = candidateColumns(text, lang, {
    withdraw: (row) => setPending({ kind: 'withdraw', row }),
    reinstate: (row) => setPending({ kind: 'reinstate', row }),
    reissue,
    canReinstate: status === 'scheduled' || status === 'check_in',
    ended: status === 'ended',
    okText: t('confirm'),
    cancelText: t('cancel'),
  });
  const rows = filterCandidates(data?.candidates ?? [], query);
  const withdrawn = (data?.candidates ?? []).filter((r) => r.status === 'withdrawn').length;
  const name =
    pending === undefined
      ? {}
      : { name: pending.row.name, ticket: pending.row.admissionTicketNumber };

  return (
    <Card
      size="small"
      title={text('title')}
      data-testid="candidates-page"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label={text('reload')} />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={data === undefined || status === 'ended'}
            onClick={() => setAdding(true)}
          >
            {text('addCandidate')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Input.Search
            allowClear
            aria-label={text('search')}
            placeholder={text('search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            style={{ width: 380 }}
          />
          <Typography.Text type="secondary">
            {text('total', { n: (data?.candidates.length ?? 0) - withdrawn, w: withdrawn })}
          </Typography.Text>
        </Space>
        {error !== undefined && <Alert type="error" showIcon title={error} role="alert" />}
        <Table<CandidateAdminRow>
          size="small"
          rowKey="attemptId"
          data-testid="candidates-table"
          loading={data === undefined && error === undefined}
          dataSource={rows}
          columns={columns}
          pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
        />
      </Space>
      <AddCandidateModal
        open={adding}
        sessionId={sessionId}
        rooms={data?.rooms ?? []}
        api={api}
        onClose={() => setAdding(false)}
        onAdded={(result) => {
          setAdding(false);
          void message.success(
            text('added', { ticket: result.admissionTicketNumber, seat: result.seat }),
            8,
          );
          reload();
        }}
      />
      <ReasonModal
        open={pending !== undefined}
        danger={pending?.kind === 'withdraw'}
        title={text(pending?.kind === 'reinstate' ? 'reinstateTitle' : 'withdrawTitle', name)}
        warning={text(pending?.kind === 'reinstate' ? 'reinstateWarning' : 'withdrawWarning')}
        onCancel={() => setPending(undefined)}
        onSubmit={(values) => confirmPending(values.reason)}
      />
    </Card>
  );
}
