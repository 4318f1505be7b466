import { computeDue, formatChinaInstant, WorkingCalendar, type DueDate, type DueDateInput, type Pause } from '../../../engine/time';

/** An instant written in China time, e.g. china('2026-02-10T10:00'). Parsing an explicit offset ignores TZ. */
function china(local: string): Date {
  return new Date(`${local}${local.length === 16 ? ':00' : ''}+08:00`);
}

function pause(from: string, to: string | null, reason = '专家评审'): Pause {
  return { from: china(from), to: to === null ? null : china(to), reason };
}

/** The answer with instants in China time, so expectations read like the calendar. */
function shown(answer: DueDate) {
  return {
    dueDate: answer.dueDate,
    due: answer.due && formatChinaInstant(answer.due),
    warnAt: answer.warnAt && formatChinaInstant(answer.warnAt),
    warnings: answer.warnings,
    paused: answer.paused,
  };
}

const OUTSIDE_2027 = '2027 is outside the loaded holiday schedules (2025, 2026): its days were counted by weekdays alone';

describe('due dates under the 2025 and 2026 schedules', () => {
  let calendar: WorkingCalendar;
  beforeAll(async () => {
    calendar = await WorkingCalendar.load();
  });
  const due = (input: Omit<DueDateInput, 'calendar'>) => shown(computeDue({ ...input, calendar }));

  describe('working-day limits', () => {
    it('counts 20 working days across Spring Festival 2026, with the 调休 Saturdays', () => {
      // given acceptance on Tue 02-10: 02-11, 02-12, 02-13, Sat 02-14 are 1–4; 02-15…02-23 are holidays;
      // 02-24…02-27 are 5–8, Sat 02-28 is 9, 03-02…03-06 are 10–14, 03-09…03-13 are 15–19, Mon 03-16 is 20
      const answer = due({ start: china('2026-02-10T10:00'), limit: '20WD' });
      expect(answer).toEqual({
        dueDate: '2026-03-16',
        due: '2026-03-16T23:59:59+08:00',
        warnAt: '2026-03-13T00:00:00+08:00', // W = 2: the working day before Monday 03-16 is Friday 03-13
        warnings: [],
        paused: false,
      });
      expect(computeDue({ start: china('2026-02-10T10:00'), limit: '20WD', calendar }).due?.toISOString()).toBe('2026-03-16T15:59:59.000Z');
    });

    it('counts the 调休 Sunday of Spring Festival 2025', () => {
      // Fri 2025-01-24 accepted: Sun 01-26 is 1, Mon 01-27 is 2, 01-28…02-04 holidays, Wed 02-05 is 3
      expect(due({ start: china('2025-01-24T16:00'), limit: '3WD' }).dueDate).toBe('2025-02-05');
    });

    it('starts counting the day after an acceptance on a holiday', () => {
      // accepted on Mon 02-16 (春节): 02-17…02-23 holidays; Tue 02-24, Wed 02-25, Thu 02-26
      expect(due({ start: china('2026-02-16T11:00'), limit: '3WD' }).dueDate).toBe('2026-02-26');
    });

    it('starts counting the day after an acceptance on a weekend', () => {
      // accepted on Sat 03-07: Mon 03-09 … Fri 03-13
      expect(due({ start: china('2026-03-07T15:00'), limit: '5WD' }).dueDate).toBe('2026-03-13');
      // accepted on the 调休 Saturday 02-28: Sun 03-01 is a rest day, Mon 03-02 is day 1
      expect(due({ start: china('2026-02-28T10:00'), limit: '1WD' }).dueDate).toBe('2026-03-02');
    });

    it('never counts the start day, even from 00:00', () => {
      expect(due({ start: china('2026-03-02T00:00'), limit: '1WD' }).dueDate).toBe('2026-03-03');
    });

    it('decides the start day by China time, one second either side of midnight', () => {
      // 2026-09-29T15:59:59Z is Tue 09-29 23:59:59 in China: Wed 09-30 is day 1
      expect(due({ start: new Date('2026-09-29T15:59:59Z'), limit: '1WD' }).dueDate).toBe('2026-09-30');
      // 2026-09-29T16:00:00Z is Wed 09-30 00:00: 10-01…10-07 are 国庆节, Thu 10-08 is day 1
      expect(due({ start: new Date('2026-09-29T16:00:00Z'), limit: '1WD' }).dueDate).toBe('2026-10-08');
    });
  });

  describe('natural-day limits', () => {
    it('moves a limit ending on a holiday to the end of the next working day', () => {
      // 90 days after Fri 07-03 is Thu 10-01 (28 + 31 + 30 + 1), 国庆节 until 10-07; Thu 10-08 works
      expect(due({ start: china('2026-07-03T10:00'), limit: '90D' })).toEqual({
        dueDate: '2026-10-08',
        due: '2026-10-08T23:59:59+08:00',
        warnAt: '2026-09-30T00:00:00+08:00', // W = 2 crosses the whole holiday back to Wed 09-30
        warnings: [],
        paused: false,
      });
    });

    it('moves a limit ending on a weekend to Monday', () => {
      // 5 days after Mon 03-02 is Sat 03-07
      expect(due({ start: china('2026-03-02T10:00'), limit: '5D' }).dueDate).toBe('2026-03-09');
    });

    it('keeps a limit ending on a 调休 Saturday, a working day', () => {
      // accepted during 春节 on Mon 02-16: 12 days later is Sat 02-28
      expect(due({ start: china('2026-02-16T09:00'), limit: '12D' }).dueDate).toBe('2026-02-28');
    });

    it('keeps a limit ending on an ordinary working day', () => {
      expect(due({ start: china('2026-03-02T10:00'), limit: '15D' }).dueDate).toBe('2026-03-17');
    });

    it('decides the start day by China time at midnight UTC+8', () => {
      // 2026-09-30T15:59:59Z is Wed 09-30 23:59:59: day 8 is Thu 10-08, a working day
      expect(due({ start: new Date('2026-09-30T15:59:59Z'), limit: '8D' }).dueDate).toBe('2026-10-08');
      // 2026-09-30T16:00:00Z is Thu 10-01 00:00: day 8 is Fri 10-09
      expect(due({ start: new Date('2026-09-30T16:00:00Z'), limit: '8D' }).dueDate).toBe('2026-10-09');
    });
  });

  describe('pauses', () => {
    // Without pauses, 20WD from Mon 02-02 ends Fri 03-06: 02-03…02-13 are 1–9, Sat 02-14 is 10,
    // 02-24…02-27 are 11–14, Sat 02-28 is 15, 03-02…03-06 are 16–20.
    const start = china('2026-02-02T09:00');

    it('does not count days paused at 00:00, across Spring Festival', () => {
      expect(due({ start, limit: '20WD' }).dueDate).toBe('2026-03-06');
      // paused Thu 02-12 14:00 → Wed 02-25 10:00: 02-13…02-25 are paused at 00:00, so working days
      // 02-13, 02-14, 02-24 and 02-25 do not count; 02-03…02-12 are 1–8, 02-26 is 9, … Thu 03-12 is 20
      expect(due({ start, limit: '20WD', pauses: [pause('2026-02-12T14:00', '2026-02-25T10:00')] })).toEqual({
        dueDate: '2026-03-12',
        due: '2026-03-12T23:59:59+08:00',
        warnAt: '2026-03-11T00:00:00+08:00',
        warnings: [],
        paused: false,
      });
    });

    it('counts a day whose 00:00 is the very end of a pause', () => {
      // the pause ends at 02-25 00:00, so 02-25 counts (9) and the limit ends a day earlier, Wed 03-11
      expect(due({ start, limit: '20WD', pauses: [pause('2026-02-12T14:00', '2026-02-25T00:00')] }).dueDate).toBe('2026-03-11');
    });

    it('ignores a pause that covers no 00:00', () => {
      expect(due({ start, limit: '20WD', pauses: [pause('2026-03-03T09:00', '2026-03-03T17:00')] }).dueDate).toBe('2026-03-06');
    });

    it('does not count a day paused from exactly its 00:00', () => {
      // Tue 03-03 is paused at 00:00, so the 20th working day is Mon 03-09
      expect(due({ start, limit: '20WD', pauses: [pause('2026-03-03T00:00', '2026-03-03T12:00')] }).dueDate).toBe('2026-03-09');
    });

    it('merges overlapping pauses and takes them in any order', () => {
      const pauses = [pause('2026-02-20T10:00', '2026-02-25T10:00', '现场核查'), pause('2026-02-12T14:00', '2026-02-21T09:00')];
      expect(due({ start, limit: '20WD', pauses }).dueDate).toBe('2026-03-12');
    });

    it('pushes a natural-day limit back by the paused days', () => {
      // 3D from Mon 03-02 ends Thu 03-05; pausing 03-03 09:00 → 03-05 09:00 leaves 03-04 and 03-05
      // uncounted, so day 3 is Sat 03-07 and the limit moves on to Mon 03-09
      const start = china('2026-03-02T10:00');
      expect(due({ start, limit: '3D' }).dueDate).toBe('2026-03-05');
      expect(due({ start, limit: '3D', pauses: [pause('2026-03-03T09:00', '2026-03-05T09:00')] }).dueDate).toBe('2026-03-09');
    });

    it('has nothing due while a pause is open, and recomputes on resume', () => {
      const open = [pause('2026-02-12T14:00', null)];
      expect(due({ start, limit: '20WD', pauses: open })).toEqual({ dueDate: null, due: null, warnAt: null, warnings: [], paused: true });
      const resumed = [pause('2026-02-12T14:00', '2026-02-25T10:00')];
      expect(due({ start, limit: '20WD', pauses: resumed }).dueDate).toBe('2026-03-12');
      const closedAndOpen = [pause('2026-02-03T10:00', '2026-02-04T10:00'), pause('2026-03-02T10:00', null)];
      expect(due({ start, limit: '8H', pauses: closedAndOpen }).paused).toBe(true);
    });

    it('refuses a pause that ends before it starts', () => {
      expect(() => due({ start, limit: '20WD', pauses: [pause('2026-02-12T14:00', '2026-02-11T10:00', '听证')] })).toThrow(
        'pause 1 (听证) ends at 2026-02-11T10:00:00+08:00, before it starts at 2026-02-12T14:00:00+08:00',
      );
    });
  });

  describe('hour limits', () => {
    it('adds running hours, pushed back by merged pauses', () => {
      // 24H from Thu 02-12 15:00: 3 h run until 18:00; paused until 02-13 10:00 (two overlapping
      // pauses, 16 h); the other 21 h run until Sat 02-14 07:00
      const pauses = [pause('2026-02-12T18:00', '2026-02-13T09:00'), pause('2026-02-13T08:00', '2026-02-13T10:00')];
      expect(due({ start: china('2026-02-12T15:00'), limit: '24H', pauses })).toEqual({
        dueDate: '2026-02-14',
        due: '2026-02-14T07:00:00+08:00',
        // W = 2: Fri 02-13 was paused at 00:00 and 02-12 is the start day, so the card is due at once
        warnAt: '2026-02-12T15:00:00+08:00',
        warnings: [],
        paused: false,
      });
      expect(due({ start: china('2026-02-12T15:00'), limit: '24H', pauses, warnWorkingDays: 1 }).warnAt).toBe('2026-02-14T00:00:00+08:00');
    });

    it('counts only the part of a pause after the start, and no pause after the time is up', () => {
      const start = china('2026-03-02T10:00');
      expect(due({ start, limit: '4H' }).due).toBe('2026-03-02T14:00:00+08:00');
      expect(due({ start, limit: '4H', pauses: [pause('2026-03-02T08:00', '2026-03-02T11:00')] }).due).toBe('2026-03-02T15:00:00+08:00');
      expect(due({ start, limit: '4H', pauses: [pause('2026-03-02T16:00', '2026-03-02T18:00')] }).due).toBe('2026-03-02T14:00:00+08:00');
      // the 4 hours are up at 14:00 exactly, when this pause begins
      expect(due({ start, limit: '4H', pauses: [pause('2026-03-02T14:00', '2026-03-02T15:00')] }).due).toBe('2026-03-02T14:00:00+08:00');
    });

    it('names the China date of the due instant', () => {
      // 14:00 China + 10 h = 00:00 China the next day (16:00 UTC)
      const answer = due({ start: new Date('2026-09-30T06:00:00Z'), limit: '10H' });
      expect(answer.dueDate).toBe('2026-10-01');
      expect(answer.due).toBe('2026-10-01T00:00:00+08:00');
    });

    it('warns from the start when the due day is the start day', () => {
      expect(due({ start: china('2026-03-02T10:00'), limit: '4H', warnWorkingDays: 1 }).warnAt).toBe('2026-03-02T10:00:00+08:00');
    });
  });

  describe('yellow card', () => {
    // 5WD from Wed 02-11: 02-12, 02-13, Sat 02-14, (春节), Tue 02-24, Wed 02-25
    const start = china('2026-02-11T10:00');

    it.each([
      [1, '2026-02-25T00:00:00+08:00'], // the start of the due day
      [2, '2026-02-24T00:00:00+08:00'],
      [3, '2026-02-14T00:00:00+08:00'], // back across 春节 to the 调休 Saturday
      [4, '2026-02-13T00:00:00+08:00'],
      [5, '2026-02-12T00:00:00+08:00'],
      [6, '2026-02-11T10:00:00+08:00'], // never before the start
    ])('W = %d warns at %s', (warnWorkingDays, warnAt) => {
      const answer = due({ start, limit: '5WD', warnWorkingDays });
      expect(answer.dueDate).toBe('2026-02-25');
      expect(answer.warnAt).toBe(warnAt);
    });

    it('defaults to W = 2 and crosses a weekend', () => {
      // 20WD from 02-10 is due Mon 03-16; W = 3 is Thu 03-12
      expect(due({ start: china('2026-02-10T10:00'), limit: '20WD' }).warnAt).toBe('2026-03-13T00:00:00+08:00');
      expect(due({ start: china('2026-02-10T10:00'), limit: '20WD', warnWorkingDays: 3 }).warnAt).toBe('2026-03-12T00:00:00+08:00');
    });

    it('skips working days paused at 00:00', () => {
      // 5WD from Mon 03-02 with Thu 03-05 paused: 03-03, 03-04, 03-06, 03-09, Tue 03-10;
      // W = 4 steps back over 03-09, 03-06 and (not 03-05) 03-04
      const pauses = [pause('2026-03-04T10:00', '2026-03-05T10:00')];
      const answer = due({ start: china('2026-03-02T09:00'), limit: '5WD', pauses, warnWorkingDays: 4 });
      expect(answer.dueDate).toBe('2026-03-10');
      expect(answer.warnAt).toBe('2026-03-04T00:00:00+08:00');
    });

    it('refuses a W below 1', () => {
      expect(() => due({ start, limit: '5WD', warnWorkingDays: 0 })).toThrow("the yellow card's working days must be a whole number of at least 1, not 0");
      expect(() => due({ start, limit: '5WD', warnWorkingDays: 1.5 })).toThrow('not 1.5');
    });
  });

  describe('beyond the loaded schedules', () => {
    it('counts 2027 by weekdays alone and says so', () => {
      // 10WD from Wed 2026-12-23: 12-24, 12-25, 12-28…12-31 are 1–6; Fri 2027-01-01 is 7 (in fact
      // 元旦, but no 2027 schedule is loaded); 01-04, 01-05, Wed 01-06 are 8–10
      expect(due({ start: china('2026-12-23T10:00'), limit: '10WD' })).toEqual({
        dueDate: '2027-01-06',
        due: '2027-01-06T23:59:59+08:00',
        warnAt: '2027-01-05T00:00:00+08:00',
        warnings: [OUTSIDE_2027],
        paused: false,
      });
    });

    it('names every unscheduled year once, and says when nothing is loaded', () => {
      // 3WD from Wed 2026-12-30: Thu 12-31, Fri 2027-01-01, Mon 2027-01-04
      const answer = computeDue({ start: china('2026-12-30T10:00'), limit: '3WD', calendar: new WorkingCalendar([]) });
      expect(answer.dueDate).toBe('2027-01-04');
      expect(answer.warnings).toEqual([
        '2026 is outside the loaded holiday schedules (none are loaded): its days were counted by weekdays alone',
        '2027 is outside the loaded holiday schedules (none are loaded): its days were counted by weekdays alone',
      ]);
    });

    it('warns when the last day of a natural-day limit falls in 2027', () => {
      // 10 days after Tue 2026-12-22 is Fri 2027-01-01, a weekday as far as anyone can tell
      const answer = due({ start: china('2026-12-22T10:00'), limit: '10D' });
      expect(answer.dueDate).toBe('2027-01-01');
      expect(answer.warnings).toEqual([OUTSIDE_2027]);
    });
  });

  describe('bad input', () => {
    it.each(['0WD', '20 days', '1.5D'])('refuses the limit %p', (limit) => {
      expect(() => due({ start: china('2026-03-02T10:00'), limit })).toThrow('is not a time limit');
    });

    it('refuses a hand-built limit of zero and an invalid start', () => {
      expect(() => due({ start: china('2026-03-02T10:00'), limit: { amount: 0, unit: 'days' } })).toThrow('"0D" is not a time limit');
      expect(() => due({ start: new Date('yesterday'), limit: '5WD' })).toThrow('the start of the limit is not a valid point in time');
    });
  });
});
