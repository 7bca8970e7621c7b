import { Empty, Timeline, Typography } from 'antd';
import type { ClientAckData } from '@skillexam/shared';
import { useConsole } from '../../console-context';
import { formatClock } from '../../format/format';
import { timelineLabel, WARNING_KINDS } from './timeline-labels';

type TimelineEntry = ClientAckData<'console:timeline'>['entries'][number];

/** The candidate's audit trail, newest first; warnings in red, staff actors named. */
export function CandidateTimeline({ entries }: { readonly entries: readonly TimelineEntry[] }) {
  const { lang } = useConsole();
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="panel-timeline"
      items={[...entries].reverse().map((entry) => ({
        color: WARNING_KINDS.has(entry.kind) ? 'red' : 'blue',
        content: (
          <span>
            <b>{formatClock(entry.at)}</b> {timelineLabel(entry.kind, lang)}
            {entry.detail !== '' && (
              <Typography.Text type="secondary"> {entry.detail}</Typography.Text>
            )}
            {entry.actor.startsWith('staff:') && (
              <Typography.Text type="secondary"> · {entry.actor.slice(6)}</Typography.Text>
            )}
          </span>
        ),
      }))}
    />
  );
}
