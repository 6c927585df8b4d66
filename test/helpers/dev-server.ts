/**
 * A dev server started as a person starts it, for tests: on a free port,
 * without the test runner's own variables (NODE_ENV=test, VITEST... make
 * astro dev serve no pages), waited for until it answers `readyPath`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { ROOT } from './build.ts';

export interface DevServer {
	origin: string;
	/** Everything it printed so far. */
	log(): string;
	stop(): void;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** The test process's environment without what makes astro dev serve no pages. */
export function personEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|TEST$|NODE_ENV$|GUIDE_ONLY$|GUIDE_SHARD$)/.test(key)));
}

/** Runs `node <args> --host 127.0.0.1 --port <free port>` in the project and waits until `readyPath` answers. */
export async function startDevServer(args: readonly string[], env: NodeJS.ProcessEnv, readyPath: string): Promise<DevServer> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	let log = '';
	const child: ChildProcess = spawn(process.execPath, [...args, '--host', '127.0.0.1', '--port', String(port)], {
		cwd: ROOT,
		env: { ...personEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout?.on('data', (chunk) => (log += chunk));
	child.stderr?.on('data', (chunk) => (log += chunk));
	const deadline = Date.now() + 90_000;
	for (;;) {
		// A request made while the server is still starting can hang: wait for it to say it is ready, and never wait long.
		try {
			if (/watching for file changes/.test(log) && (await fetch(`${origin}${readyPath}`, { signal: AbortSignal.timeout(10_000) })).ok) break;
		} catch {
			// not answering yet
		}
		if (child.exitCode !== null) throw new Error(`the dev server stopped:\n${log}`);
		if (Date.now() > deadline) {
			child.kill();
			throw new Error(`the dev server did not start:\n${log}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return { origin, log: () => log, stop: () => child.kill() };
}
