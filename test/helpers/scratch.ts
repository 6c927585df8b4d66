/**
 * Scratch folders for a test file, removed when the file's tests are done.
 *
 *   const dir = scratchDir('glg-check-');
 *   afterAll(removeScratch);
 *
 * Tests copy whole content folders to break them; left behind, they filled
 * the temporary folder with hundreds of copies over a day of test runs.
 * Vitest runs each test file with its own modules, so each file removes
 * only its own folders.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

export function scratchDir(prefix: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), prefix));
	made.push(dir);
	return dir;
}

export function removeScratch(): void {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
