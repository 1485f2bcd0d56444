import { BinDay } from './bin-day.js';

// The only side effect in the module; guarded so two copies on one page do not throw.
if (!customElements.get('council-bin-day')) {
  customElements.define('council-bin-day', BinDay);
}
