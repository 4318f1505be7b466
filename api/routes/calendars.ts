import { z } from 'zod';
import { InvalidInputError } from '../../engine';
import { defineRoute } from '../http/route';

const readers = ['admin', 'supervisor', 'clerk', 'leader', 'designer'] as const;
/** The year in the path: a 400 naming it, rather than a schema error, when it is not a plausible year. */
function yearOf(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100) {
    throw new InvalidInputError('the year in the path must be a whole number from 2000 to 2100', [{ path: 'year', message: `not a year: "${text}"` }]);
  }
  return year;
}

export const calendarRoutes = [
  defineRoute({
    method: 'get',
    path: '/calendars',
    summary: 'The holiday schedules deadlines are counted on, per year, shipped or set by an administrator',
    tag: 'calendars',
    access: readers,
    responses: { 200: 'the loaded years' },
    async handler({ govflow }) {
      const items = govflow.calendars.list();
      return { body: { items, total: items.length } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/calendars/{year}',
    summary: "A year's holidays and adjusted workdays",
    tag: 'calendars',
    access: readers,
    responses: { 200: 'the schedule', 404: 'no schedule is loaded for the year' },
    async handler({ params, govflow }) {
      return { body: govflow.calendars.schedule(yearOf(params.year)) };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/calendars/{year}',
    summary: "Add or replace a year's holiday schedule (State Council notice), in effect without a release",
    tag: 'calendars',
    access: ['admin'],
    body: z.record(z.string(), z.unknown()),
    responses: { 200: 'stored and in effect', 422: 'the schedule is invalid; errors point at each problem' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.calendars.replaceYear(yearOf(params.year), body, actor) };
    },
  }),
];
