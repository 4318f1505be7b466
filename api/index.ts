export { createApp, type ApiOptions } from './app';
