import { BinDay, type CollectionsLoadedDetail } from './bin-day.js';

// The only side effect in the module; guarded so two copies on one page do not throw.
if (!customElements.get('council-bin-day')) {
  customElements.define('council-bin-day', BinDay);
}

declare global {
  interface HTMLElementTagNameMap {
    'council-bin-day': BinDay;
  }
  interface HTMLElementEventMap {
    'council-collections-loaded': CustomEvent<CollectionsLoadedDetail>;
  }
}
