export { upgradeStore } from './upgrade';
