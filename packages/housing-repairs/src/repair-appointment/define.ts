import { RepairAppointment } from './repair-appointment.js';

// The only side effect in the module; guarded so two copies on one page do not throw.
if (!customElements.get('council-repair-appointment')) {
  customElements.define('council-repair-appointment', RepairAppointment);
}
