import { describe, expect, it } from 'vitest';
import { ASTRO_ALLOCATOR_ENV, ASTRO_NODE_FLAGS, PAGEFIND_ALLOCATOR_ENV, withAllocatorSettings } from '../../src/lib/allocators.ts';

describe('allocator settings for large builds', () => {
	it('adds the settings, and keeps any value already set', () => {
		const env = withAllocatorSettings({ PATH: '/bin', MALLOC_ARENA_MAX: '8' }, ASTRO_ALLOCATOR_ENV);
		expect(env.PATH).toBe('/bin');
		expect(env.MALLOC_ARENA_MAX).toBe('8');
		expect(env.MIMALLOC_PURGE_DELAY).toBe('0');
		expect(env.MIMALLOC_ARENA_EAGER_COMMIT).toBe('0');
	});

	it('does not change the environment it was given', () => {
		const given = { PATH: '/bin' };
		withAllocatorSettings(given, PAGEFIND_ALLOCATOR_ENV);
		expect(given).toEqual({ PATH: '/bin' });
	});

	it('gives Node flags that this Node accepts', async () => {
		const { spawnSync } = await import('node:child_process');
		const run = spawnSync(process.execPath, [...ASTRO_NODE_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});
});
