import {
  addChinaDays,
  chinaDateOf,
  chinaWeekday,
  endOfChinaDay,
  formatChinaInstant,
  isChinaDate,
  startOfChinaDay,
} from '../../../engine/time';

// Every expectation holds whatever TZ the process runs in: run with TZ=UTC, Asia/Shanghai, America/New_York.
describe('China Standard Time dates', () => {
  it.each([
    ['2026-09-30T15:59:59Z', '2026-09-30', '2026-09-30T23:59:59+08:00'],
    ['2026-09-30T16:00:00Z', '2026-10-01', '2026-10-01T00:00:00+08:00'],
    ['2025-12-31T16:00:00Z', '2026-01-01', '2026-01-01T00:00:00+08:00'],
    ['2026-02-13T16:30:00Z', '2026-02-14', '2026-02-14T00:30:00+08:00'],
    ['2026-03-01T04:00:00Z', '2026-03-01', '2026-03-01T12:00:00+08:00'],
  ])('%s falls on %s in China (%s)', (utc, date, china) => {
    expect(chinaDateOf(new Date(utc))).toBe(date);
    expect(formatChinaInstant(new Date(utc))).toBe(china);
  });

  it('shows milliseconds only when there are some', () => {
    expect(formatChinaInstant(new Date('2026-01-01T00:00:00.123+08:00'))).toBe('2026-01-01T00:00:00.123+08:00');
    expect(formatChinaInstant(new Date('2026-01-01T00:00:00.000+08:00'))).toBe('2026-01-01T00:00:00+08:00');
  });

  it('starts a China day at 00:00+08:00, 16:00 UTC the day before', () => {
    expect(startOfChinaDay('2026-10-01').toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(startOfChinaDay('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('ends a China day at 23:59:59+08:00', () => {
    expect(endOfChinaDay('2026-02-27').toISOString()).toBe('2026-02-27T15:59:59.000Z');
    expect(formatChinaInstant(endOfChinaDay('2026-02-27'))).toBe('2026-02-27T23:59:59+08:00');
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-02-10', 20, '2026-03-02'],
    ['2026-07-03', 90, '2026-10-01'],
  ])('%s + %d days = %s', (date, days, expected) => {
    expect(addChinaDays(date, days)).toBe(expected);
  });

  it.each([
    ['2025-01-26', 0],
    ['2026-02-14', 6],
    ['2026-02-16', 1],
    ['2026-10-01', 4],
    ['2027-01-01', 5],
  ])('%s is weekday %d (0 = Sunday)', (date, weekday) => {
    expect(chinaWeekday(date)).toBe(weekday);
  });

  it('knows real dates from look-alikes', () => {
    expect(isChinaDate('2024-02-29')).toBe(true);
    expect(isChinaDate('2025-02-29')).toBe(false);
    expect(isChinaDate('2026-02-30')).toBe(false);
    expect(isChinaDate('2026-2-3')).toBe(false);
    expect(isChinaDate('2026-02-03T00:00')).toBe(false);
    expect(isChinaDate(20260203)).toBe(false);
  });

  it('refuses invalid dates and instants', () => {
    expect(() => startOfChinaDay('2026-13-01')).toThrow('"2026-13-01" is not a date written YYYY-MM-DD');
    expect(() => chinaDateOf(new Date('not a date'))).toThrow('is not a valid point in time');
  });
});
