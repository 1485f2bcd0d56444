// Registers every Council Kit element with one import (each registration is guarded, so this
// is safe beside a page's own imports or the CDN build).
import '@council-kit/address-lookup/define';
import '@council-kit/waste/define';
import '@council-kit/directory/define';
import '@council-kit/housing-repairs/define';
