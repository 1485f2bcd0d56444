import { chromium } from './support/engines.ts';
import { journeySuite } from './support/journeys.ts';

journeySuite(chromium, 0);
