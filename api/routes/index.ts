import type { Route } from '../http/route';
import { auditRoutes } from './audit';
import { authRoutes } from './auth';
import { oidcRoutes } from './oidc';
import { webhookRoutes } from './webhooks';
import { calendarRoutes } from './calendars';
import { caseRoutes } from './cases';
import { clientRoutes } from './clients';
import { clockRoutes } from './clocks';
import { definitionRoutes } from './definitions';
import { externalTaskRoutes } from './external-tasks';
import { fileRoutes } from './files';
import { incidentRoutes } from './incidents';
import { messageRoutes } from './messages';
import { notificationRoutes } from './notifications';
import { orgRoutes } from './org';
import { publicRoutes } from './public';
import { serviceRoutes } from './services';
import { staffRoutes } from './staff';
import { supervisionRoutes } from './supervision';
import { taskRoutes } from './tasks';
import { templateRoutes } from './templates';
import { userLockoutRoutes } from './user-lockouts';
import { userRoutes } from './users';

/** Every /api operation, by audience. */
export const apiRoutes = [...authRoutes, ...oidcRoutes, ...definitionRoutes, ...templateRoutes, ...caseRoutes, ...fileRoutes, ...clockRoutes, ...publicRoutes, ...serviceRoutes, ...taskRoutes, ...externalTaskRoutes, ...messageRoutes, ...auditRoutes, ...calendarRoutes, ...supervisionRoutes, ...incidentRoutes, ...notificationRoutes, ...userRoutes, ...staffRoutes, ...orgRoutes, ...clientRoutes, ...userLockoutRoutes, ...webhookRoutes] as unknown as readonly Route[];

export { healthz, readyz } from './health';
