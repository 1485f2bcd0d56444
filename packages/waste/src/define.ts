// Registers every element in this package.
import './bin-day/define.js';
