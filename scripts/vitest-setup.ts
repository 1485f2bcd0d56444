import { afterEach, inject } from 'vitest';
import { cleanup } from '@council-kit/core/testing';

// The page's clock for every element under test (packages/core/src/clock.ts): the suite's day,
// COUNCIL_TEST_TODAY or the real date (scripts/test-today.mjs), provided by the config.
const today = document.createElement('meta');
today.name = 'council-today';
today.content = inject('councilToday');
document.head.append(today);

afterEach(() => cleanup());
