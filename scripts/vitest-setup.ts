import { afterEach } from 'vitest';
import { cleanup } from '@council-kit/core/testing';

afterEach(() => cleanup());
