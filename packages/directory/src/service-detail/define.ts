import { ServiceDetail } from './service-detail.js';

// The only side effect in the module; guarded so two copies on one page do not throw.
if (!customElements.get('council-service-detail')) {
  customElements.define('council-service-detail', ServiceDetail);
}
