import { defaultSeatLayout } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { candidateOptions, movedText, occupantsOf, seatName } from './seat-view';

const rooms = [
  { roomId: 'r1', name: '第一考场', layout: defaultSeatLayout(12) },
  { roomId: 'r2', name: '第二考场', layout: defaultSeatLayout(4) },
];
const who = (ticket: string, roomId: string, seat: number) => ({
  candidateId: `a-${ticket}`,
  admissionTicketNumber: ticket,
  name: `考生${ticket}`,
  roomId,
  seat,
});

describe('seat view helpers', () => {
  it('maps the seats of one room to their candidates', () => {
    const map = occupantsOf([who('2', 'r1', 7), who('1', 'r2', 7)], 'r1');
    expect([...map.keys()]).toEqual([7]);
    expect(map.get(7)?.admissionTicketNumber).toBe('2');
  });

  it('names a seat by room name and label, and lists candidates by ticket with their seat', () => {
    expect(seatName(rooms, 'r1', 7)).toBe('第一考场 07');
    expect(seatName(rooms, 'r9', 3)).toBe('r9 3');
    expect(candidateOptions([who('T2', 'r1', 1), who('T1', 'r2', 4)], rooms)).toEqual([
      { value: 'a-T1', label: 'T1 考生T1 · 第二考场 04' },
      { value: 'a-T2', label: 'T2 考生T2 · 第一考场 01' },
    ]);
    expect(movedText([who('T1', 'r1', 3), who('T2', 'r2', 1)], rooms)).toBe(
      'T1 考生T1 → 第一考场 03；T2 考生T2 → 第二考场 01',
    );
  });
});
