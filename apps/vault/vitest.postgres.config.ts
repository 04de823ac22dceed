import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vite.config.ts';

/** The vault suite again, on PostgreSQL + Redis (a fresh schema and key prefix per test app). */
export default mergeConfig(base, defineConfig({ test: { name: 'vault:postgres', env: { CARDFRAME_TEST_BACKEND: 'postgres' } } }));
