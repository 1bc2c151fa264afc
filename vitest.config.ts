import { defineConfig } from 'vitest/config';

// Two tiers, one run. `unit`: pure code beside its source (src/**/*.test.ts), no database, no Docker probe.
// `integration`: test/**, on a real database chosen by test/support/global-setup.ts (DATABASE_URL →
// testcontainers → PGlite), real SMTP, websockets and a browser. `npm test` runs both; `npm run test:unit`
// only the first.
export default defineConfig({
  test: {
    pool: 'forks',
    reporters: ['default'],
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], testTimeout: 10_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          // Browser tests drive several pages at once; on a busy 2-core machine a step can take seconds.
          testTimeout: 90_000,
          // Generous: creating an app on PGlite (a migrated in-memory database) takes seconds, minutes on a loaded machine.
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
