/**
 * The shapes govflow stores: case revisions and their projections, tasks, audit entries, cards,
 * notices and incidents, definitions, users, calendars, and what they carry (clocks, forms, countersigns,
 * effects). Types only, importing nothing outside this folder, so the store beneath every
 * concern and each concern above it share one definition of what a document holds.
 */
export type * from './as-json';
export type * from './audit';
export type * from './calendar';
export type * from './case';
export type * from './clock';
export type * from './definition';
export type * from './effect';
export type * from './external-task';
export type * from './incident';
export type * from './message';
export type * from './service';
export type * from './supervision';
export type * from './task';
export type * from './template';
export type * from './unit';
export type * from './user';
export type * from './webhook';
