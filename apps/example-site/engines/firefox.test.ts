import { firefox } from './support/engines.ts';
import { journeySuite } from './support/journeys.ts';

journeySuite(firefox, 1);
