import { GardenWaste } from './garden-waste.js';

// The only side effect in the module; guarded so two copies on one page do not throw.
if (!customElements.get('council-garden-waste')) {
  customElements.define('council-garden-waste', GardenWaste);
}
