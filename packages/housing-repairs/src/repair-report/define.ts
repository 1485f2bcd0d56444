import { RepairReport } from './repair-report.js';

// The only side effect in the module; guarded so two copies on one page do not throw.
if (!customElements.get('council-repair-report')) {
  customElements.define('council-repair-report', RepairReport);
}
