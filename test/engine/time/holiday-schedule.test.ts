import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import type { InvalidInputError } from '../../../engine/errors';
import { defaultCalendarFolder, loadHolidaySchedules, parseHolidaySchedule, WorkingCalendar, type HolidaySchedule } from '../../../engine/time';

/** A small valid schedule to break one field at a time. */
function schedule2026(): HolidaySchedule {
  return {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    published: '2025-11-04',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    ],
    workdays: [
      { date: '2026-01-04', name: '元旦' },
      { date: '2026-02-14', name: '春节' },
    ],
  };
}

function thrownBy(act: () => unknown): InvalidInputError {
  try {
    act();
  } catch (error) {
    return error as InvalidInputError;
  }
  throw new Error('expected an error');
}

describe('holiday schedule files', () => {
  it('ships 2025 and 2026 as published by the State Council', async () => {
    expect(defaultCalendarFolder().endsWith(`${sep}processes${sep}calendars`)).toBe(true);
    const schedules = await loadHolidaySchedules();
    expect(schedules.map(({ year, source, published }) => ({ year, source, published }))).toEqual([
      { year: 2025, source: '国务院办公厅关于2025年部分节假日安排的通知', published: '2024-11-12' },
      { year: 2026, source: '国务院办公厅关于2026年部分节假日安排的通知', published: '2025-11-04' },
    ]);
    expect(schedules[0].holidays).toEqual([
      { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
      { name: '春节', from: '2025-01-28', to: '2025-02-04' },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
    ]);
    expect(schedules[0].workdays.map((day) => day.date)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(schedules[1].holidays).toEqual([
      { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
      { name: '春节', from: '2026-02-15', to: '2026-02-23' },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
    ]);
    expect(schedules[1].workdays.map((day) => day.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('accepts a valid schedule as it is', () => {
    expect(parseHolidaySchedule(schedule2026())).toEqual(schedule2026());
  });

  it.each<[string, (schedule: HolidaySchedule) => unknown, string, string]>([
    ['a holiday ending before it starts', (s) => ((s.holidays[1].to = '2026-02-13'), s), '/holidays/1/to', '春节 ends on 2026-02-13, before it starts on 2026-02-15'],
    ['a holiday in another year', (s) => ((s.holidays[0].from = '2025-12-31'), s), '/holidays/0/from', '2025-12-31 is not in 2026, the year of this schedule'],
    ['a working day in another year', (s) => ((s.workdays[0].date = '2027-01-02'), s), '/workdays/0/date', '2027-01-02 is not in 2026, the year of this schedule'],
    ['a weekday listed as a working day', (s) => ((s.workdays[1].date = '2026-02-24'), s), '/workdays/1/date', '2026-02-24 is a Tuesday, already a working day'],
    ['a day both holiday and working day', (s) => ((s.workdays[1].date = '2026-02-15'), s), '/workdays/1/date', '2026-02-15 is both a holiday (春节) and a working day'],
    ['a working day listed twice', (s) => (s.workdays.push({ date: '2026-02-14', name: '春节' }), s), '/workdays/2/date', '2026-02-14 is listed twice as a working day'],
    ['an impossible date', (s) => ((s.holidays[1].from = '2026-02-30'), s), '/holidays/1/from', 'expected a real date written YYYY-MM-DD'],
    ['a missing source', (s) => ({ ...s, source: undefined }), '/source', 'expected string'],
    ['an empty holiday name', (s) => ((s.holidays[0].name = ' '), s), '/holidays/0/name', 'name the holiday'],
    ['a misspelt field', (s) => ({ ...s, workday: [] }), '', 'workday'],
  ])('rejects %s, pointing at the problem', (_, breakIt, path, message) => {
    const broken = breakIt(schedule2026());
    expect(() => parseHolidaySchedule(broken, '2026.json')).toThrow(message);
    expect(() => parseHolidaySchedule(broken, '2026.json')).toThrow(/^2026\.json is not a valid holiday schedule: /);
    const error = thrownBy(() => parseHolidaySchedule(broken));
    expect(error).toMatchObject({ code: 'invalid-input', status: 422 });
    expect(error.details).toContainEqual({ path, message: expect.stringContaining(message) });
  });

  it('rejects a schedule built in code when a calendar is made from it', () => {
    const broken = schedule2026();
    broken.workdays[0].date = '2026-01-05';
    expect(() => new WorkingCalendar([broken])).toThrow('2026-01-05 is a Monday, already a working day');
  });

  describe('in a folder of their own', () => {
    let folder: string;
    beforeEach(async () => {
      folder = await mkdtemp(join(tmpdir(), 'govflow-calendars-'));
    });
    afterEach(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    it('loads every <year>.json in year order and ignores other files', async () => {
      const schedule2025 = { ...schedule2026(), year: 2025, holidays: [], workdays: [] };
      await writeFile(join(folder, '2026.json'), JSON.stringify(schedule2026()));
      await writeFile(join(folder, '2025.json'), JSON.stringify(schedule2025));
      await writeFile(join(folder, 'README.md'), 'one file per year');
      const calendar = await WorkingCalendar.load(folder);
      expect(calendar.loadedYears).toEqual([2025, 2026]);
      expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
    });

    it('refuses a file not named after its year', async () => {
      await writeFile(join(folder, 'holidays.json'), JSON.stringify(schedule2026()));
      await expect(loadHolidaySchedules(folder)).rejects.toThrow('name a holiday schedule file after its year, e.g. 2026.json');
    });

    it('refuses a file holding another year', async () => {
      await writeFile(join(folder, '2027.json'), JSON.stringify(schedule2026()));
      await expect(loadHolidaySchedules(folder)).rejects.toThrow('2027.json holds the schedule for 2026: name it 2026.json');
    });

    it('refuses a file that is not JSON', async () => {
      await writeFile(join(folder, '2026.json'), '{ "year": 2026,');
      await expect(loadHolidaySchedules(folder)).rejects.toThrow(/2026\.json is not valid JSON/);
    });

    it('names the file holding an invalid schedule', async () => {
      await writeFile(join(folder, '2026.json'), JSON.stringify({ ...schedule2026(), published: '2025/11/04' }));
      await expect(loadHolidaySchedules(folder)).rejects.toThrow(
        `${join(folder, '2026.json')} is not a valid holiday schedule: /published: expected a real date written YYYY-MM-DD`,
      );
    });
  });
});
