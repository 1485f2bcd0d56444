import { webkit } from './support/engines.ts';
import { journeySuite } from './support/journeys.ts';

journeySuite(webkit, 2);
