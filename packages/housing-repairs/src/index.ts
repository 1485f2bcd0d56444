export { RepairReport, type RepairReportedDetail } from './repair-report/repair-report.js';
export { visibleLocations, alreadyReported } from './repair-report/triage.js';
export { phoneNow } from './repair-report/phone-now.js';
export { RepairAppointment, type RepairUpdatedDetail } from './repair-appointment/repair-appointment.js';
