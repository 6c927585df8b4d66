/**
 * The README promises Node 22.12 or newer (package.json `engines`). Node runs
 * TypeScript by itself only from 22.18; before that it needs
 * --experimental-strip-types. So every npm script that hands Node a .ts file
 * passes the flag, and nothing relies on what only newer Nodes have.
 * (Checked by hand on Node 22.12.0: npm run build, npm run check, and a bare
 * `astro build`, which runs the content check on the main thread instead of
 * its worker.)
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/guide.ts';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; engines: { node: string } };

function sources(dir: string): string[] {
	return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name))
		.map((e) => path.join(e.parentPath, e.name));
}

describe('the Node versions the README promises', () => {
	it('are 22.12 and newer', () => {
		expect(pkg.engines.node).toBe('>=22.12');
	});

	it('every npm script that runs a .ts file with node strips its types on Node 22.12 too', () => {
		const running = Object.entries(pkg.scripts).filter(([, command]) => /\bnode\b[^&|]*\.ts\b/.test(command));
		expect(running.length).toBeGreaterThan(5);
		const without = running.filter(([, command]) => !/\bnode --experimental-strip-types /.test(command)).map(([name]) => name);
		expect(without).toEqual([]);
	});

	it('no code uses import.meta.main (Node 24.2 and later only)', () => {
		const users = [...sources('scripts'), ...sources('src')].filter((file) => readFileSync(file, 'utf8').includes('import.meta.main'));
		expect(users).toEqual([]);
	});
});
