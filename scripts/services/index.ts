export { startLocalServices, projectRoot, type LocalServices, type LocalServicesOptions } from './local-services';
export { MissingPrerequisiteError } from './missing-prerequisite-error';
export { startSqliteStore } from './mongo-server';
export { DataFolderInUseError } from './data-folder-lock';
export { privateFolder, writePrivateFile } from './private-files';
