import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['test/unit/**/*.test.ts'],
				},
			},
			{
				test: {
					// Builds real sites once (globalSetup), then inspects dist/ and drives Chromium over it.
					name: 'integration',
					include: ['test/build/**/*.test.ts', 'test/browser/**/*.test.ts'],
					globalSetup: ['test/helpers/global-setup.ts'],
					testTimeout: 120_000,
					hookTimeout: 600_000,
					// Chromium and builds are heavy on a two-core machine; one file at a time keeps timings sane.
					fileParallelism: false,
				},
			},
		],
	},
});
