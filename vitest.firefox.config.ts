import { defineConfig } from 'vitest/config';

// Firefox smoke suite: real Firefox ESR with the built Firefox extension (npm run build:firefox first).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.firefox.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
