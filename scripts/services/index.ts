export { startLocalServices, projectRoot, type LocalServices, type LocalServicesOptions } from './local-services';
export { MissingPrerequisiteError } from './missing-prerequisite-error';
export { startSqliteStore } from './mongo-server';
