export { ReturnFromCall, type ReturnedCall } from './return-from-call';
export { EndCalledCase } from './end-called-case';
export { RestartCall } from './restart-call';
