import { WorkingCalendar, type DayKind } from '../../../engine/time';

describe('the working calendar from the shipped State Council schedules', () => {
  let calendar: WorkingCalendar;
  beforeAll(async () => {
    calendar = await WorkingCalendar.load();
  });

  it('loads 2025 and 2026', () => {
    expect(calendar.loadedYears).toEqual([2025, 2026]);
    expect(calendar.scheduleFor(2026)?.source).toBe('国务院办公厅关于2026年部分节假日安排的通知');
  });

  // [date, kind, working, holiday or ''] — weekdays read off the 2025 and 2026 calendars by hand.
  const days2025: [string, DayKind, boolean, string][] = [
    ['2025-01-01', 'holiday', false, '元旦'], // Wednesday
    ['2025-01-26', 'adjusted-workday', true, '春节'], // Sunday
    ['2025-01-27', 'weekday', true, ''],
    ['2025-01-28', 'holiday', false, '春节'],
    ['2025-02-03', 'holiday', false, '春节'], // Monday
    ['2025-02-04', 'holiday', false, '春节'],
    ['2025-02-05', 'weekday', true, ''],
    ['2025-02-08', 'adjusted-workday', true, '春节'], // Saturday
    ['2025-02-09', 'weekend', false, ''],
    ['2025-04-04', 'holiday', false, '清明节'], // Friday
    ['2025-04-07', 'weekday', true, ''],
    ['2025-04-27', 'adjusted-workday', true, '劳动节'], // Sunday
    ['2025-05-05', 'holiday', false, '劳动节'], // Monday
    ['2025-05-06', 'weekday', true, ''],
    ['2025-06-02', 'holiday', false, '端午节'], // Monday
    ['2025-06-03', 'weekday', true, ''],
    ['2025-09-28', 'adjusted-workday', true, '国庆节、中秋节'], // Sunday
    ['2025-10-08', 'holiday', false, '国庆节、中秋节'], // Wednesday
    ['2025-10-09', 'weekday', true, ''],
    ['2025-10-11', 'adjusted-workday', true, '国庆节、中秋节'], // Saturday
    ['2025-10-12', 'weekend', false, ''],
  ];
  const days2026: [string, DayKind, boolean, string][] = [
    ['2026-01-02', 'holiday', false, '元旦'], // Friday
    ['2026-01-03', 'holiday', false, '元旦'], // Saturday
    ['2026-01-04', 'adjusted-workday', true, '元旦'], // Sunday
    ['2026-01-05', 'weekday', true, ''],
    ['2026-02-13', 'weekday', true, ''], // Friday
    ['2026-02-14', 'adjusted-workday', true, '春节'], // Saturday
    ['2026-02-15', 'holiday', false, '春节'], // Sunday
    ['2026-02-16', 'holiday', false, '春节'], // Monday
    ['2026-02-23', 'holiday', false, '春节'], // Monday
    ['2026-02-24', 'weekday', true, ''],
    ['2026-02-28', 'adjusted-workday', true, '春节'], // Saturday
    ['2026-03-01', 'weekend', false, ''],
    ['2026-03-07', 'weekend', false, ''],
    ['2026-04-06', 'holiday', false, '清明节'], // Monday
    ['2026-04-07', 'weekday', true, ''],
    ['2026-05-05', 'holiday', false, '劳动节'], // Tuesday
    ['2026-05-09', 'adjusted-workday', true, '劳动节'], // Saturday
    ['2026-05-10', 'weekend', false, ''],
    ['2026-06-19', 'holiday', false, '端午节'], // Friday
    ['2026-06-22', 'weekday', true, ''],
    ['2026-09-20', 'adjusted-workday', true, '国庆节'], // Sunday
    ['2026-09-25', 'holiday', false, '中秋节'], // Friday
    ['2026-09-28', 'weekday', true, ''],
    ['2026-10-01', 'holiday', false, '国庆节'], // Thursday
    ['2026-10-07', 'holiday', false, '国庆节'], // Wednesday
    ['2026-10-08', 'weekday', true, ''],
    ['2026-10-10', 'adjusted-workday', true, '国庆节'], // Saturday
    ['2026-10-11', 'weekend', false, ''],
  ];

  it.each([...days2025, ...days2026])('%s is a %s (working: %p)', (date, kind, working, holiday) => {
    expect(calendar.day(date)).toEqual({ date, kind, working, scheduled: true, ...(holiday ? { holiday } : {}) });
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  it('answers for a year without a schedule by weekday alone, and says the day is unscheduled', () => {
    // 2027-01-01 is a Friday: a holiday in fact, but no 2027 schedule is loaded.
    expect(calendar.day('2027-01-01')).toEqual({ date: '2027-01-01', kind: 'weekday', working: true, scheduled: false });
    expect(calendar.day('2027-01-02')).toEqual({ date: '2027-01-02', kind: 'weekend', working: false, scheduled: false });
  });

  it('tracks, for one computation, the unscheduled years it asked about', () => {
    const tracked = calendar.track();
    expect(tracked.isWorkingDay('2026-02-14')).toBe(true);
    expect(tracked.warnings()).toEqual([]);
    expect(tracked.isWorkingDay('2027-01-01')).toBe(true);
    expect(tracked.day('2027-06-05').kind).toBe('weekend'); // a Saturday
    expect(tracked.unscheduledYears).toEqual([2027]);
    expect(tracked.warnings()).toEqual([
      '2027 is outside the loaded holiday schedules (2025, 2026): its days were counted by weekdays alone',
    ]);
    expect(calendar.track().warnings()).toEqual([]);
  });

  it('refuses two schedules for one year', () => {
    const schedule = calendar.scheduleFor(2026)!;
    expect(() => new WorkingCalendar([schedule, schedule])).toThrow('two holiday schedules for 2026');
  });
});
