/**
 * One build at a time in a project folder (src/lib/build-lock.ts): a running
 * build's lock stops a second one with a message naming it; a lock left by a
 * build that is no longer running is taken over; a build releases only its
 * own lock. test/build/shards.test.ts shows a real build refusing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BuildLockedError, LOCK_FILE, type LockHolder, isBuildRunning, isRunning, readHolder, takeBuildLock } from '../../src/lib/build-lock.ts';

let dir: string;
const file = () => path.join(dir, LOCK_FILE);
const holder = (pid: number, building = 'every neighbourhood'): LockHolder => ({ pid, started: '2026-11-22T07:40:12.000Z', building, out: 'dist' });

/** A process that is running while the tests run, standing for another build. */
let other: ReturnType<typeof spawn>;
/** A running process that is not a build: one that was given a dead build's number. */
let notBuild: ReturnType<typeof spawn>;
/** The id of a process that has finished. */
let finished: number;

beforeAll(() => {
	// Named like a build (its command line mentions astro), as the lock checks where it can.
	other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)', 'astro', 'build'], { stdio: 'ignore' });
	notBuild = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
	finished = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
});
afterAll(() => {
	other.kill();
	notBuild.kill();
});
afterEach(() => {
	if (dir) rmSync(path.dirname(dir), { recursive: true, force: true });
});
const fresh = () => {
	dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'build-lock-')), '.astro');
	return dir;
};

describe('the build lock', () => {
	it('knows a running process from a finished one, and a build from another program', () => {
		expect(isRunning(process.pid)).toBe(true);
		expect(isRunning(other.pid!)).toBe(true);
		expect(isRunning(finished)).toBe(false);
		expect(isBuildRunning(other.pid!)).toBe(true);
		expect(isBuildRunning(finished)).toBe(false);
		// Where the system says what a process runs (Linux); elsewhere a running process counts as the build.
		expect(isBuildRunning(notBuild.pid!)).toBe(!existsSync(`/proc/${notBuild.pid}/cmdline`));
	});

	it('is taken in a folder it makes, names the build, and is released', () => {
		fresh();
		const me = holder(process.pid, 'shard 2 of 4');
		const release = takeBuildLock(dir, me);
		expect(readHolder(file())).toEqual(me);
		release();
		expect(existsSync(file())).toBe(false);
	});

	it('stops a second build while the first is running, saying which build and what to do', () => {
		fresh();
		takeBuildLock(dir, holder(other.pid!, 'shard 1 of 2'));
		let thrown: unknown;
		try {
			takeBuildLock(dir, holder(process.pid));
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(BuildLockedError);
		const message = (thrown as Error).message;
		expect(message).toContain(`Another build is running in this project folder: process ${other.pid}, started at `);
		expect(message).toContain('building shard 1 of 2 into dist.');
		expect(message).toContain('Wait for that build to finish, or build shards at the same time from separate copies of the repository');
		expect(message).toMatch(/If no build is running, delete \S*build\.lock and build again\./);
		// The running build's lock is left as it was.
		expect(readHolder(file())?.pid).toBe(other.pid);
	});

	it('takes over a lock left by a build that is no longer running, whose number another program now has, or that it cannot read', () => {
		fresh();
		takeBuildLock(dir, holder(finished));
		const me = holder(process.pid);
		takeBuildLock(dir, me)();
		writeFileSync(file(), JSON.stringify(holder(notBuild.pid!)));
		if (existsSync(`/proc/${notBuild.pid}/cmdline`)) takeBuildLock(dir, me)();
		writeFileSync(file(), '{"pid": 12');
		const release = takeBuildLock(dir, me);
		expect(readHolder(file())).toEqual(me);
		release();
	});

	it('releases only its own lock', () => {
		fresh();
		const release = takeBuildLock(dir, holder(process.pid));
		// Taken over meanwhile (its holder thought it stale): not this build's to remove.
		writeFileSync(file(), JSON.stringify(holder(other.pid!)));
		release();
		expect(JSON.parse(readFileSync(file(), 'utf8')).pid).toBe(other.pid);
	});
});
