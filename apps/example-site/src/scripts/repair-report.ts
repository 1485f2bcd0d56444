// "Report a repair": registers <council-repair-report>. The element loads the council's repairs
// catalogue from the API and the second half of its journey on demand (its own chunk).
import '@council-kit/housing-repairs/repair-report';
