export { ServiceCatalogue } from './service-catalogue';
export type { ServiceView } from './service-view';
