import { formatTimeLimit, parseTimeLimit } from '../../../engine/time';

describe('time limits', () => {
  it.each([
    ['20WD', 20, 'working-days'],
    ['20wd', 20, 'working-days'],
    ['5Wd', 5, 'working-days'],
    ['90D', 90, 'days'],
    ['90d', 90, 'days'],
    ['48H', 48, 'hours'],
    ['1h', 1, 'hours'],
    ['9999D', 9999, 'days'],
  ])('reads %s', (text, amount, unit) => {
    expect(parseTimeLimit(text)).toEqual({ amount, unit });
  });

  it('writes limits back in the same notation', () => {
    expect(formatTimeLimit({ amount: 20, unit: 'working-days' })).toBe('20WD');
    expect(formatTimeLimit({ amount: 90, unit: 'days' })).toBe('90D');
    expect(formatTimeLimit(parseTimeLimit('48h'))).toBe('48H');
  });

  it.each(['', '0WD', '-1WD', '1.5D', '20', 'WD', '20 WD', ' 20WD', '20W', '20days', '020WD', '10000D', '20WDH'])(
    'refuses %p and says what is accepted',
    (text) => {
      expect(() => parseTimeLimit(text)).toThrow(
        `${JSON.stringify(text)} is not a time limit: write <N>WD for working days, <N>D for natural days or <N>H for hours, N a whole number from 1 to 9999`,
      );
    },
  );

  it('reports the problem as invalid input', () => {
    expect(() => parseTimeLimit('3 weeks')).toThrow(expect.objectContaining({ code: 'invalid-input', status: 400 }));
  });
});
