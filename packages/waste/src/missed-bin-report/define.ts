import { MissedBinReport, type MissedBinReportedDetail } from './missed-bin-report.js';

// The only side effect in the module; guarded so two copies on one page do not throw.
if (!customElements.get('council-missed-bin-report')) {
  customElements.define('council-missed-bin-report', MissedBinReport);
}

declare global {
  interface HTMLElementTagNameMap {
    'council-missed-bin-report': MissedBinReport;
  }
  interface HTMLElementEventMap {
    'council-missed-bin-reported': CustomEvent<MissedBinReportedDetail>;
  }
}
