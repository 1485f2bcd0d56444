// Registers every element in this package.
import './repair-report/define.js';
import './repair-appointment/define.js';
