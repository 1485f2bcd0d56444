import { DirectorySearch } from './directory-search.js';

// The only side effect in the module; guarded so two copies on one page do not throw.
if (!customElements.get('council-directory-search')) {
  customElements.define('council-directory-search', DirectorySearch);
}
