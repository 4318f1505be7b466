export { ServiceCatalogue, type ServiceView } from './service-catalogue';
