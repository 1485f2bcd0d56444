// JSX types for React 19, which passes props to custom elements as properties (when the
// element has one) and treats `on<event-name>` props as event listeners. Opt in with
//   import type {} from '@council-kit/elements/react';
// Type declarations only: this module has no runtime code.
import type { HTMLAttributes, ReactNode, RefAttributes } from 'react';
import type { LitElement } from 'lit';
import type { AddressLookup, AddressSelectedDetail } from '@council-kit/address-lookup';
import type { BinDay, BulkyBookedDetail, BulkyChangedDetail, BulkyWaste, CollectionsLoadedDetail, ContainerRequest, ContainerRequestedDetail, GardenSubscribedDetail, GardenWaste, MissedBinReport, MissedBinReportedDetail } from '@council-kit/waste';
import type { DirectorySearch, DirectorySearchedDetail, ServiceDetail, ServiceShownDetail } from '@council-kit/directory';
import type { RepairAppointment, RepairReport, RepairReportedDetail, RepairUpdatedDetail } from '@council-kit/housing-repairs';

/** `{ 'council-x': Detail }` → `{ 'oncouncil-x'?: (event: CustomEvent<Detail>) => void }`. */
type EventProps<Events> = { [Name in keyof Events & string as `on${Name}`]?: (event: CustomEvent<Events[Name]>) => void };

/**
 * An element's props in JSX: its public properties (camelCase, set as properties), its
 * attributes (kebab-case, e.g. `api-base`), its events, and the usual HTML attributes.
 */
export type CouncilElementProps<Element extends LitElement, Events = object> = Omit<HTMLAttributes<Element>, keyof Element> &
  RefAttributes<Element> &
  Partial<Omit<Element, keyof LitElement>> &
  EventProps<Events> & {
    children?: ReactNode;
    /** A kebab-case attribute, e.g. `api-base="/api/v1"` or `heading-level="2"`. */
    [attribute: `${string}-${string}`]: unknown;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- how React's JSX types are extended
  namespace JSX {
    interface IntrinsicElements {
      'council-address-lookup': CouncilElementProps<AddressLookup, { 'council-address-selected': AddressSelectedDetail }>;
      'council-bin-day': CouncilElementProps<BinDay, { 'council-collections-loaded': CollectionsLoadedDetail; 'council-address-selected': AddressSelectedDetail }>;
      'council-missed-bin-report': CouncilElementProps<MissedBinReport, { 'council-missed-bin-reported': MissedBinReportedDetail }>;
      'council-container-request': CouncilElementProps<ContainerRequest, { 'council-container-requested': ContainerRequestedDetail }>;
      'council-garden-waste': CouncilElementProps<GardenWaste, { 'council-garden-subscribed': GardenSubscribedDetail }>;
      'council-bulky-waste': CouncilElementProps<BulkyWaste, { 'council-bulky-booked': BulkyBookedDetail; 'council-bulky-changed': BulkyChangedDetail }>;
      'council-directory-search': CouncilElementProps<DirectorySearch, { 'council-directory-searched': DirectorySearchedDetail }>;
      'council-service-detail': CouncilElementProps<ServiceDetail, { 'council-service-shown': ServiceShownDetail }>;
      'council-repair-report': CouncilElementProps<RepairReport, { 'council-repair-reported': RepairReportedDetail }>;
      'council-repair-appointment': CouncilElementProps<RepairAppointment, { 'council-repair-updated': RepairUpdatedDetail }>;
    }
  }
}
