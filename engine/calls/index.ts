export { CallService } from './call-service';
export { callsOf, childCaseId } from './call-effects';
