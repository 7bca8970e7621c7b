import type { CandidateAdminRow } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { filterCandidates } from './filter-candidates';

const row = (ticket: string, name: string, room: string, id: string): CandidateAdminRow => ({
  attemptId: `a-${ticket}`,
  admissionTicketNumber: ticket,
  name,
  idNumber: id,
  roomId: room,
  roomName: `第${room}考场`,
  seat: 1,
  status: 'registered',
  photo: false,
  extraMinutes: 0,
});

const ROWS = [
  row('T000001', '张三', '1', '110105********0018'),
  row('T000002', '李四', '2', '110105********002X'),
];

describe('filterCandidates', () => {
  it('matches ticket, name, room and the last digits of the masked ID number', () => {
    expect(filterCandidates(ROWS, '')).toHaveLength(2);
    expect(filterCandidates(ROWS, 't000002').map((r) => r.name)).toEqual(['李四']);
    expect(filterCandidates(ROWS, '张').map((r) => r.name)).toEqual(['张三']);
    expect(filterCandidates(ROWS, '第2考场').map((r) => r.name)).toEqual(['李四']);
    expect(filterCandidates(ROWS, '002x').map((r) => r.name)).toEqual(['李四']);
    // the masked middle is not searchable
    expect(filterCandidates(ROWS, '19900101')).toEqual([]);
  });
});
