// Registers every element in this package.
import './directory-search/define.js';
import './service-detail/define.js';
