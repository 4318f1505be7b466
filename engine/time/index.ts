export {
  addChinaDays,
  chinaDateOf,
  chinaWeekday,
  endOfChinaDay,
  formatChinaInstant,
  isChinaDate,
  startOfChinaDay,
  type ChinaDate,
  type Weekday,
} from './china-date';
export {
  defaultCalendarFolder,
  holidayScheduleSchema,
  loadHolidaySchedules,
  parseHolidaySchedule,
  type AdjustedWorkday,
  type HolidayPeriod,
  type HolidaySchedule,
} from './holiday-schedule';
export { WorkingCalendar, type CalendarDay, type DayKind } from './working-calendar';
export { unscheduledYearWarning, type TrackedCalendar } from './tracked-calendar';
export { MAX_TIME_LIMIT_AMOUNT, formatTimeLimit, parseTimeLimit, type TimeLimit, type TimeLimitUnit } from './time-limit';
export type { Pause } from './pause';
export { computeDue, type DueDate, type DueDateInput } from './due-date';
