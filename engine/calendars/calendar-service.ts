import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { InvalidInputError, NotFoundError } from '../errors';
import type { Models } from '../store/models';
import type { CalendarRecord } from '../records';
import { loadHolidaySchedules, parseHolidaySchedule, WorkingCalendar, type HolidaySchedule } from '../time';
import type { Actor } from '../users/actor';

/** A loaded year as the calendar API lists it. */
export interface CalendarYear {
  year: number;
  source: string;
  published: string;
  /** `shipped` from processes/calendars, or `admin` when an administrator added or replaced it. */
  origin: 'shipped' | 'admin';
  updatedBy?: string;
  updatedAt?: string;
}

/**
 * The working calendar every deadline is computed on: the shipped schedules
 * (processes/calendars) with the years administrators added or replaced in MongoDB on top, so a
 * schedule published or changed mid-year needs no release. Other nodes pick a change up within
 * `refreshMs`.
 */
export class CalendarService {
  #calendar: WorkingCalendar;
  #years: CalendarYear[];
  readonly #refresh: NodeJS.Timeout;

  private constructor(
    readonly models: Models,
    readonly shipped: HolidaySchedule[],
    loaded: { calendar: WorkingCalendar; years: CalendarYear[] },
    refreshMs: number,
    log: Logger,
  ) {
    this.#calendar = loaded.calendar;
    this.#years = loaded.years;
    this.#refresh = setInterval(() => this.reload().catch((error) => log.error({ err: error }, 'reloading holiday schedules failed')), refreshMs);
    this.#refresh.unref();
  }

  static async create(models: Models, log: Logger, refreshMs = 60_000): Promise<CalendarService> {
    const shipped = await loadHolidaySchedules();
    return new CalendarService(models, shipped, await combine(models, shipped), refreshMs, log);
  }

  /** The calendar as last loaded; synchronous so commands can use it. */
  get current(): WorkingCalendar {
    return this.#calendar;
  }

  list(): CalendarYear[] {
    return this.#years;
  }

  schedule(year: number): HolidaySchedule {
    const schedule = this.#calendar.scheduleFor(year);
    if (!schedule) throw new NotFoundError('holiday schedule', String(year));
    return schedule;
  }

  /** Adds or replaces a year's schedule; validated first, logged, and in effect on this node at once. */
  async replaceYear(year: number, body: unknown, actor: Actor): Promise<CalendarYear> {
    const schedule = parseHolidaySchedule(body, `the holiday schedule for ${year}`);
    if (schedule.year !== year) throw new InvalidInputError(`the schedule is for ${schedule.year}, not ${year}`, [{ path: '/year', message: `must be ${year}` }], 422);
    const previous = this.#calendar.scheduleFor(year);
    const record: CalendarRecord = { _id: String(year), year, schedule, updatedBy: actor.username, updatedAt: new Date() };
    await this.models.calendars.replaceOne({ _id: record._id }, record, { upsert: true });
    await this.models.adminLog.create({
      _id: randomUUID(),
      at: record.updatedAt,
      actor: actor.username,
      action: previous ? 'calendar.replaced' : 'calendar.added',
      target: String(year),
      detail: `${schedule.source} (${schedule.published}): ${schedule.holidays.length} holidays, ${schedule.workdays.length} adjusted workdays`,
    });
    await this.reload();
    return this.#years.find((item) => item.year === year) as CalendarYear;
  }

  async reload(): Promise<void> {
    const loaded = await combine(this.models, this.shipped);
    this.#calendar = loaded.calendar;
    this.#years = loaded.years;
  }

  close(): void {
    clearInterval(this.#refresh);
  }
}

async function combine(models: Models, shipped: HolidaySchedule[]): Promise<{ calendar: WorkingCalendar; years: CalendarYear[] }> {
  const stored = await models.calendars.find().lean<CalendarRecord[]>();
  const byYear = new Map<number, CalendarYear & { schedule: HolidaySchedule }>();
  for (const schedule of shipped) byYear.set(schedule.year, { ...describe(schedule), origin: 'shipped', schedule });
  for (const record of stored) {
    byYear.set(record.year, { ...describe(record.schedule), origin: 'admin', updatedBy: record.updatedBy, updatedAt: record.updatedAt.toISOString(), schedule: record.schedule });
  }
  const entries = [...byYear.values()].sort((a, b) => a.year - b.year);
  return {
    calendar: new WorkingCalendar(entries.map((entry) => entry.schedule)),
    years: entries.map(({ schedule: _schedule, ...year }) => year),
  };
}

function describe(schedule: HolidaySchedule): Pick<CalendarYear, 'year' | 'source' | 'published'> {
  return { year: schedule.year, source: schedule.source, published: schedule.published };
}
