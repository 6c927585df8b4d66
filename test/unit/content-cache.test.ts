/**
 * Astro's content cache is let go when the content folder changes, and the
 * PDFs kept beside it stay (src/lib/content-cache.ts). A real build after a
 * move: test/build/content-moved.test.ts.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { forgetOtherContent } from '../../src/lib/content-cache.ts';
import { removeScratch, scratchDir } from '../helpers/scratch.ts';

const root = scratchDir('glg-content-cache-');
afterAll(removeScratch);
let cache: string;
let n = 0;

beforeEach(() => {
	cache = path.join(root, `cache-${n++}`);
	mkdirSync(path.join(cache, 'pdfs'), { recursive: true });
	mkdirSync(path.join(cache, 'vite-sync'), { recursive: true });
	writeFileSync(path.join(cache, 'data-store.json'), '{}');
	writeFileSync(path.join(cache, 'pdfs/abc.pdf'), '%PDF');
});

describe('forgetOtherContent', () => {
	it('keeps the cache for the content folder it was made from', () => {
		forgetOtherContent(cache, '/guides/content');
		writeFileSync(path.join(cache, 'data-store.json'), '{}');
		expect(forgetOtherContent(cache, '/guides/content')).toBe(false);
		expect(existsSync(path.join(cache, 'data-store.json'))).toBe(true);
	});

	it('lets go of what Astro read from another content folder, and keeps the PDFs', () => {
		forgetOtherContent(cache, '/guides/content');
		writeFileSync(path.join(cache, 'data-store.json'), '{}');
		expect(forgetOtherContent(cache, '/guides/moved-content')).toBe(true);
		expect(readdirSync(cache).sort()).toEqual(['content-folder.txt', 'pdfs']);
		expect(readdirSync(path.join(cache, 'pdfs'))).toEqual(['abc.pdf']);
		expect(forgetOtherContent(cache, '/guides/moved-content')).toBe(false);
	});

	it('lets go of a cache that does not say where it came from', () => {
		expect(forgetOtherContent(cache, '/guides/content')).toBe(true);
		expect(existsSync(path.join(cache, 'data-store.json'))).toBe(false);
	});

	it('starts a cache that is not there yet', () => {
		const fresh = path.join(root, 'none-yet');
		expect(forgetOtherContent(fresh, '/guides/content')).toBe(false);
		expect(readdirSync(fresh)).toEqual(['content-folder.txt']);
	});
});
