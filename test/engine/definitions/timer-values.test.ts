import { nextCronRun, timerValueProblem } from '../../../engine/definitions/timer-values';

describe('timer values', () => {
  it.each([
    ['timeDuration', 'PT10M'],
    ['timeDuration', 'P3D'],
    ['timeDuration', '3WD'],
    ['timeCycle', 'R3/PT10M'],
    ['timeCycle', 'R/P1D'],
    ['timeCycle', '0 0/5 * * * ?'],
    ['timeCycle', '0 15 10 ? * MON-FRI'],
    ['timeCycle', '*/10 * * * *'],
    ['timeDate', '2027-01-01T09:00:00+08:00'],
    ['timeDuration', '${delay}'],
  ] as const)('%s %s runs', (kind, value) => {
    expect(timerValueProblem(kind, value)).toBeUndefined();
  });

  it.each([
    ['timeDuration', 'soon', /not an ISO 8601 duration/],
    ['timeDate', 'PT10M', /not an ISO 8601 date-time/],
    ['timeCycle', 'every day', /not an ISO 8601 repeating interval/],
    ['timeCycle', '0 0 25 * * ?', /does not parse/],
    ['timeCycle', '0 0 12 1 1 ? 2020', /never fires again/],
  ] as const)('%s %s is refused', (kind, value, message) => {
    expect(timerValueProblem(kind, value)).toMatch(message);
  });

  it('reads cron the Quartz way, in China time: 0/5 is every five minutes, 1 is Sunday', () => {
    const from = new Date('2026-12-01T01:02:00Z'); // a Tuesday, 09:02 in China
    expect(nextCronRun('0 0/5 * * * ?', from)?.toISOString()).toBe('2026-12-01T01:05:00.000Z');
    expect(nextCronRun('0 0 9 ? * 1', from)?.toISOString()).toBe('2026-12-06T01:00:00.000Z');
    expect(nextCronRun('30 9 * * *', from)?.toISOString()).toBe('2026-12-01T01:30:00.000Z');
  });
});
