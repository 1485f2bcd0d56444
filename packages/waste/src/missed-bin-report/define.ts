import { MissedBinReport } from './missed-bin-report.js';

// The only side effect in the module; guarded so two copies on one page do not throw.
if (!customElements.get('council-missed-bin-report')) {
  customElements.define('council-missed-bin-report', MissedBinReport);
}
