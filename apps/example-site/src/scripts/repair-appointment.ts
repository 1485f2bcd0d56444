// "Manage a repair appointment": registers <council-repair-appointment> (find a repair by
// reference and postcode, move its appointment or cancel it).
import '@council-kit/housing-repairs/repair-appointment';
