/**
 * `npm run dev` takes --only as `npm run build` does: an editor of one
 * neighbourhood in a large network previews only that one, quick to start and
 * to show edits. A misspelt name is refused with the names there are, never
 * previewed as an empty site; other arguments reach `astro dev` unchanged.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_NETWORK, largeNetworkHint, parseDevArgs } from '../../scripts/dev.ts';
import { OUT, ROOT } from '../helpers/build.ts';
import { personEnv, startDevServer, type DevServer } from '../helpers/dev-server.ts';

const SAMPLE = path.join(ROOT, 'content');
const DEV = path.join(ROOT, 'scripts/dev.ts');
const devEnv = { CONTENT_DIR: SAMPLE, OUT_DIR: path.join(OUT, 'dev-only') };

describe('what npm run dev is asked for', () => {
	it('previews the neighbourhoods named with --only, and passes everything else to astro dev', async () => {
		expect(await parseDevArgs(['--only', 'lockside', '--port', '4000'], SAMPLE)).toEqual({
			chosen: { kind: 'only', names: ['lockside'] },
			rest: ['--port', '4000'],
		});
		expect(await parseDevArgs(['--host'], SAMPLE)).toEqual({ chosen: { kind: 'all' }, rest: ['--host'] });
	});

	it('names a neighbourhood that is not there, and which ones are', async () => {
		await expect(parseDevArgs(['--only', 'lockside,lokside'], SAMPLE)).rejects.toThrow(/lokside.*\n?.*lockside/s);
	});

	it('sends shards back to the build, and says what to use instead', async () => {
		await expect(parseDevArgs(['--shard', '1/2'], SAMPLE)).rejects.toThrow(/--shard 1\/2 is for building .* preview .* with --only/);
	});

	it('tells the editor of a large network how to preview one neighbourhood, and stays quiet on a small one', () => {
		expect(largeNetworkHint(LARGE_NETWORK - 1, 'mill-lane')).toBeUndefined();
		expect(largeNetworkHint(330, 'abbey-green')).toMatch(/all 330 neighbourhoods[\s\S]*npm run dev -- --only abbey-green/);
	});
});

describe('npm run dev -- --only', () => {
	it('refuses a misspelt neighbourhood before starting Astro, with the usage', () => {
		const run = spawnSync(process.execPath, ['--experimental-strip-types', DEV, '--only', 'lokside'], { cwd: ROOT, env: { ...personEnv(), ...devEnv }, encoding: 'utf8', timeout: 60_000 });
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/lokside/);
		expect(run.stderr).toMatch(/Usage: npm run dev/);
		expect(run.stdout).not.toMatch(/astro|watching/i);
	});

	describe('serving one neighbourhood', () => {
		let server: DevServer | undefined;

		beforeAll(async () => {
			server = await startDevServer(['--experimental-strip-types', DEV, '--only', 'lockside'], devEnv, '/lockside/');
		});

		afterAll(() => {
			server?.stop();
		});

		it('says what it previews, and serves that neighbourhood and the pages across the site', async () => {
			expect(server!.log()).toContain('Previewing lockside');
			const page = await fetch(`${server!.origin}/lockside/`, { signal: AbortSignal.timeout(30_000) });
			expect(await page.text()).toMatch(/Lockside/);
			expect((await fetch(`${server!.origin}/`, { signal: AbortSignal.timeout(30_000) })).status).toBe(200);
		});

		it('does not serve the neighbourhoods left out', async () => {
			const other = await fetch(`${server!.origin}/abbey-fields/`, { signal: AbortSignal.timeout(30_000) });
			expect(other.status).toBe(404);
		});
	});
});
