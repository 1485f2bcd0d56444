import { BulkyWaste } from './bulky-waste.js';

// The only side effect in the module; guarded so two copies on one page do not throw.
if (!customElements.get('council-bulky-waste')) {
  customElements.define('council-bulky-waste', BulkyWaste);
}
