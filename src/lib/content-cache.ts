/**
 * Astro keeps what it read of the content between builds (in the cache
 * folder beside the output, `cacheDirFor`), with each entry's file path. If
 * the content folder has moved or another one is built into the same output,
 * those paths lead nowhere, and the next build stopped with an error about a
 * module Rolldown "failed to resolve". So the cache says which content folder
 * it was made from, and is let go when that changes. The PDFs kept there stay:
 * they are found by what they were printed from, not by where it came from.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MARK = 'content-folder.txt';
/** What in the cache folder does not depend on where the content is. */
const KEPT = new Set(['pdfs']);

/** Before Astro reads its cache: let it go if it was made from another content folder. Returns whether it did. */
export function forgetOtherContent(cacheDir: string, contentDir: string): boolean {
	const mark = path.join(cacheDir, MARK);
	const was = existsSync(mark) ? readFileSync(mark, 'utf8') : undefined;
	let forgot = false;
	if (was !== contentDir && existsSync(cacheDir)) {
		for (const name of readdirSync(cacheDir)) {
			if (KEPT.has(name)) continue;
			rmSync(path.join(cacheDir, name), { recursive: true, force: true });
			forgot = true;
		}
	}
	mkdirSync(cacheDir, { recursive: true });
	writeFileSync(mark, contentDir);
	return forgot;
}
