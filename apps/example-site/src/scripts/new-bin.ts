// "Order a new bin": registers <council-container-request> and gives it Anytown's containers
// and charges (the same rule as the council API's CONTAINER_CHARGES, in words), so the
// resident sees the charge on "Check your answers" before sending.
// First, so it hears a draft restored while the element upgrades (see journey-in-page.ts).
import './journey-in-page.ts';
import type { ContainerOption } from '@council-kit/waste';
import '@council-kit/waste/container-request';

const charge = { en: '£25, including delivery', cy: '£25, gan gynnwys ei ddanfon' };

const containers: ContainerOption[] = [
  { id: 'refuse', name: { en: 'Rubbish bin (black)', cy: 'Bin sbwriel (du)' }, charge },
  { id: 'recycling', name: { en: 'Recycling bin (green with a blue lid)', cy: 'Bin ailgylchu (gwyrdd gyda chaead glas)' }, charge },
  { id: 'food', name: { en: 'Food waste caddy', cy: 'Cadi gwastraff bwyd' } },
  { id: 'garden', name: { en: 'Garden waste bin (brown)', cy: 'Bin gwastraff gardd (brown)' }, reasons: ['lost', 'stolen', 'damaged'], charge },
];

const request = document.querySelector('council-container-request');
if (request) request.containers = containers;
