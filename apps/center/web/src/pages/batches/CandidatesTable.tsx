import { Table, Tag } from 'antd';
import { useCenter } from '../../center-context';
import type { BatchCandidate, Outcome } from '../../api/center-types';
import { score } from '../../components/format';

const OUTCOME_COLOUR: Readonly<Record<Outcome, string>> = {
  pass: 'green',
  fail: 'red',
  incomplete: 'default',
};

/** The outcomes table: each candidate's parts against the pass rule. */
export function CandidatesTable({
  candidates,
  review,
}: {
  readonly candidates: readonly BatchCandidate[];
  readonly review: boolean;
}) {
  const { t } = useCenter();
  return (
    <Table<BatchCandidate>
      rowKey="id"
      size="small"
      data-testid="candidates-table"
      dataSource={[...candidates]}
      pagination={candidates.length > 50 ? { pageSize: 50 } : false}
      columns={[
        { title: t('displayName'), dataIndex: 'name' },
        { title: t('idNumber'), dataIndex: 'idNumber' },
        { title: t('theory'), dataIndex: 'theoryScore', render: score, align: 'right' },
        { title: t('skills'), dataIndex: 'skillsScore', render: score, align: 'right' },
        ...(review
          ? [
              {
                title: t('review'),
                dataIndex: 'reviewScore',
                render: score,
                align: 'right' as const,
              },
            ]
          : []),
        {
          title: t('outcome'),
          dataIndex: 'outcome',
          render: (outcome: Outcome) => (
            <Tag color={OUTCOME_COLOUR[outcome]}>{t(`outcome_${outcome}`)}</Tag>
          ),
        },
      ]}
    />
  );
}
