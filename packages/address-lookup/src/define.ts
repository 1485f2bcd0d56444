// Registers every element in this package.
import './address-lookup/define.js';
