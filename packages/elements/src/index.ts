// Every element class, for councils who register them under their own names or extend them.
export * from '@council-kit/address-lookup';
export * from '@council-kit/waste';
export * from '@council-kit/directory';
export * from '@council-kit/housing-repairs';
