import { ContainerRequest } from './container-request.js';

// The only side effect in the module; guarded so two copies on one page do not throw.
if (!customElements.get('council-container-request')) {
  customElements.define('council-container-request', ContainerRequest);
}
