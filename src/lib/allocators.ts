/**
 * Settings for the memory allocators inside the native parts of the build, so
 * that memory they have finished with goes back to the machine.
 *
 * Most of a large build's memory is not JavaScript's. On a 20,000-page
 * network (npm run bench), Astro's process held about 2 GB while its
 * JavaScript heap was under 1 GB: the rest was memory that Rolldown and
 * Astro's compiler (native code using mimalloc) and the Markdown parser (the
 * C library's malloc, one arena per thread) had freed but kept for later.
 * Pagefind (jemalloc) likewise kept freed memory for ten seconds before
 * returning it, while it went on to allocate more.
 *
 * Measured on that network: Astro's peak 2.0 GB to about 1.6 GB, Pagefind's
 * 1.8 GB to 1.5 GB; the times stayed within the run-to-run noise. A value
 * already in the environment is kept, so anyone can tune these.
 */

/** For the process that runs `astro build`. */
export const ASTRO_ALLOCATOR_ENV: Readonly<Record<string, string>> = {
	// mimalloc (Rolldown, the Astro compiler): return freed memory at once, and reserve no more than asked for.
	MIMALLOC_PURGE_DELAY: '0',
	MIMALLOC_ARENA_EAGER_COMMIT: '0',
	// glibc malloc: two arenas rather than eight per core, so freed memory is reused instead of spread over many.
	MALLOC_ARENA_MAX: '2',
};

/**
 * Node flags for the process that runs `astro build`: collect garbage when
 * the heap has grown by 60% since the last full collection, rather than
 * letting it grow to several times what is alive (V8 does, with memory to
 * spare). Unlike a fixed heap limit, this grows with the network: a larger
 * network still builds. Measured on the 20,000-page network: Astro's peak
 * 1.73 GB to 1.50 GB, the time the same within the noise.
 */
export const ASTRO_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=60'];

/** For Pagefind's indexer (jemalloc, as built by the tikv-jemallocator crate). */
export const PAGEFIND_ALLOCATOR_ENV: Readonly<Record<string, string>> = {
	_RJEM_MALLOC_CONF: 'dirty_decay_ms:0,muzzy_decay_ms:0',
};

/** The settings `env` has no value of its own for: a value already set is kept, so anyone can tune these. */
function unset(env: NodeJS.ProcessEnv, settings: Readonly<Record<string, string>>): [string, string][] {
	return Object.entries(settings).filter(([name]) => env[name] === undefined);
}

/** `env` with `settings` added where it has no value of its own: for a process this one starts. */
export function withAllocatorSettings(env: NodeJS.ProcessEnv, settings: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
	return { ...env, ...Object.fromEntries(unset(env, settings)) };
}

/**
 * Adds `settings` to this process's own environment, where it has no value,
 * for a process that a library starts with it (Pagefind's); returns how to
 * take them away again.
 */
export function setAllocatorSettings(settings: Readonly<Record<string, string>>): () => void {
	const added = unset(process.env, settings);
	for (const [name, value] of added) process.env[name] = value;
	return () => {
		for (const [name] of added) delete process.env[name];
	};
}
