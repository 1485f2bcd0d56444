// Registers every element in this package.
import './bin-day/define.js';
import './missed-bin-report/define.js';
import './container-request/define.js';
import './garden-waste/define.js';
import './bulky-waste/define.js';
