/** Holiday schedules as stored and as shipped, and the log of administrative changes outside cases. */

import type { ChinaDate } from './clock';

/** A holiday schedule an administrator added or replaced; it takes precedence over the shipped file of its year. */
export interface CalendarRecord {
  _id: string;
  year: number;
  schedule: HolidaySchedule;
  updatedBy: string;
  updatedAt: Date;
}

/** An append-only record of an administrative change outside any case (calendars, …). */
export interface AdminLogRecord {
  _id: string;
  at: Date;
  actor: string;
  action: string;
  target: string;
  detail: string;
}

/** A run of statutory holidays, both ends included, e.g. 春节 2026-02-15 to 2026-02-23. */
export interface HolidayPeriod {
  /** The holiday's name as the notice gives it: 元旦, 春节, 清明节, … */
  name: string;
  from: ChinaDate;
  to: ChinaDate;
}

/** A weekend day announced as a working day (调休上班), e.g. Saturday 2026-02-14 for 春节. */
export interface AdjustedWorkday {
  date: ChinaDate;
  /** The holiday the day makes up for. */
  name: string;
}

/** The content of one `processes/calendars/<year>.json` file. */
export interface HolidaySchedule {
  year: number;
  /** The notice's title, e.g. 国务院办公厅关于2026年部分节假日安排的通知. */
  source: string;
  /** The day the notice was published. */
  published: ChinaDate;
  holidays: HolidayPeriod[];
  workdays: AdjustedWorkday[];
}
