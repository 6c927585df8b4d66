/**
 * `npm run dev` takes --only as `npm run build` does: an editor of one
 * neighbourhood in a large network previews only that one, quick to start and
 * to show edits. A misspelt name is refused with the names there are, never
 * previewed as an empty site; other arguments reach `astro dev` unchanged.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_NETWORK, largeNetworkHint, parseDevArgs } from '../../scripts/dev.ts';
import { OUT, ROOT } from '../helpers/build.ts';

const SAMPLE = path.join(ROOT, 'content');
const DEV = path.join(ROOT, 'scripts/dev.ts');
// The test runner's own variables (NODE_ENV=test, VITEST...) make astro dev serve no pages: start it as a person would.
const ownEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|TEST$|NODE_ENV$|GUIDE_ONLY$|GUIDE_SHARD$)/.test(key)));
const devEnv = { ...ownEnv, CONTENT_DIR: SAMPLE, OUT_DIR: path.join(OUT, 'dev-only'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

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
		const run = spawnSync(process.execPath, ['--experimental-strip-types', DEV, '--only', 'lokside'], { cwd: ROOT, env: devEnv, encoding: 'utf8', timeout: 60_000 });
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/lokside/);
		expect(run.stderr).toMatch(/Usage: npm run dev/);
		expect(run.stdout).not.toMatch(/astro|watching/i);
	});

	describe('serving one neighbourhood', () => {
		let server: ReturnType<typeof spawn> | undefined;
		let log = '';
		let origin = '';

		beforeAll(async () => {
			const port = await freePort();
			origin = `http://127.0.0.1:${port}`;
			server = spawn(process.execPath, ['--experimental-strip-types', DEV, '--only', 'lockside', '--host', '127.0.0.1', '--port', String(port)], {
				cwd: ROOT,
				env: devEnv,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			server.stdout?.on('data', (chunk) => (log += chunk));
			server.stderr?.on('data', (chunk) => (log += chunk));
			const deadline = Date.now() + 90_000;
			for (;;) {
				// A request made while the server is still starting can hang: wait for it to say it is ready, and never wait long.
				try {
					if (/watching for file changes/.test(log) && (await fetch(`${origin}/lockside/`, { signal: AbortSignal.timeout(10_000) })).ok) break;
				} catch {
					// not answering yet
				}
				if (server.exitCode !== null) throw new Error(`npm run dev stopped:\n${log}`);
				if (Date.now() > deadline) throw new Error(`npm run dev did not start:\n${log}`);
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		});

		afterAll(() => {
			server?.kill();
		});

		it('says what it previews, and serves that neighbourhood and the pages across the site', async () => {
			expect(log).toContain('Previewing lockside');
			const page = await fetch(`${origin}/lockside/`, { signal: AbortSignal.timeout(30_000) });
			expect(await page.text()).toMatch(/Lockside/);
			expect((await fetch(`${origin}/`, { signal: AbortSignal.timeout(30_000) })).status).toBe(200);
		});

		it('does not serve the neighbourhoods left out', async () => {
			const other = await fetch(`${origin}/abbey-fields/`, { signal: AbortSignal.timeout(30_000) });
			expect(other.status).toBe(404);
		});
	});
});
