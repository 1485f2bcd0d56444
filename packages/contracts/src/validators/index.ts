// DOM-free validators: safe to import on a server (the council API uses them too).
export * from './postcode.js';
export * from './email.js';
export * from './phone.js';
