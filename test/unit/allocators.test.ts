import { describe, expect, it } from 'vitest';
import { ASTRO_ALLOCATOR_ENV, ASTRO_NODE_FLAGS, PAGEFIND_ALLOCATOR_ENV, setAllocatorSettings, withAllocatorSettings } from '../../src/lib/allocators.ts';

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

	it("sets Pagefind's settings in this process for a while, then takes away only what it added", () => {
		const name = Object.keys(PAGEFIND_ALLOCATOR_ENV)[0];
		const before = process.env[name];
		delete process.env[name];
		try {
			const restore = setAllocatorSettings(PAGEFIND_ALLOCATOR_ENV);
			expect(process.env[name]).toBe(PAGEFIND_ALLOCATOR_ENV[name]);
			restore();
			expect(process.env[name]).toBeUndefined();
			process.env[name] = 'narenas:1';
			setAllocatorSettings(PAGEFIND_ALLOCATOR_ENV)();
			expect(process.env[name]).toBe('narenas:1');
		} finally {
			if (before === undefined) delete process.env[name];
			else process.env[name] = before;
		}
	});

	it('gives Node flags that this Node accepts', async () => {
		const { spawnSync } = await import('node:child_process');
		const run = spawnSync(process.execPath, [...ASTRO_NODE_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});
});
