/**
 * One build at a time in a project folder.
 *
 * Astro keeps a project's working files in `.astro/` beside the code, not in
 * the output folder: among them the list of which content each entry's
 * module is. Two builds at once in one checkout (two shards side by side, or
 * a whole build beside a preview of one neighbourhood) write over each
 * other's, and one of them fails half way, with an error about a story it
 * cannot find. So a build holds a lock: a file in `.astro/` that names it.
 * A lock left behind by a build that was killed names a process that is no
 * longer running (or that runs something else now), and the next build
 * takes it over.
 */
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { shownPath } from './build-scope.ts';

export const LOCK_FILE = 'build.lock';

/** The build that holds the lock, as the lock file records it. */
export interface LockHolder {
	pid: number;
	/** When it started (ISO 8601). */
	started: string;
	/** What it builds, in words: "every neighbourhood", "shard 2 of 4". */
	building: string;
	/** Its output folder. */
	out: string;
}

/** Another build holds the lock; the message says which, and what to do. */
export class BuildLockedError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'BuildLockedError';
	}
}

/**
 * Takes the lock in `dir` (the project's `.astro/` folder) for `me`, or
 * throws BuildLockedError if a running build holds it. Returns the release,
 * which is also called when the process exits; it removes the lock only
 * while the lock is still this build's.
 */
export function takeBuildLock(dir: string, me: LockHolder): () => void {
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, LOCK_FILE);
	const record = `${JSON.stringify(me, null, 2)}\n`;
	for (;;) {
		try {
			writeFileSync(file, record, { flag: 'wx' });
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		const holder = readHolder(file);
		if (holder && holder.pid !== me.pid && isBuildRunning(holder.pid)) {
			throw new BuildLockedError(lockedMessage(holder, file));
		}
		// Left by a build that is no longer running (or unreadable): taken over.
		try {
			unlinkSync(file);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	}
	const release = () => {
		const holder = readHolder(file);
		if (holder?.pid === me.pid && holder.started === me.started) {
			try {
				unlinkSync(file);
			} catch {
				// Already gone: nothing to release.
			}
		}
		process.off('exit', release);
	};
	process.on('exit', release);
	return release;
}

/** The lock file's holder; undefined when there is none or it cannot be read. */
export function readHolder(file: string): LockHolder | undefined {
	try {
		const holder = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
		return Number.isInteger(holder.pid) && typeof holder.started === 'string' ? (holder as LockHolder) : undefined;
	} catch {
		return undefined;
	}
}

/** Whether a process with this id is running (one this user may not signal is running too). */
export function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Whether the process is running and may be a build: where the system says
 * what a process runs (Linux), one that does not run Astro is not the build
 * that left the lock, only a process that was given its number since.
 */
export function isBuildRunning(pid: number): boolean {
	if (!isRunning(pid)) return false;
	let command: string;
	try {
		command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
	} catch {
		return true;
	}
	return command.includes('astro');
}

function lockedMessage(holder: LockHolder, file: string): string {
	const started = new Date(holder.started);
	const when = Number.isNaN(started.getTime()) ? holder.started : started.toTimeString().slice(0, 8);
	return (
		`Another build is running in this project folder: process ${holder.pid}, started at ${when}, building ${holder.building || 'the site'}` +
		`${holder.out ? ` into ${holder.out}` : ''}.\n` +
		`Astro keeps a project's working files in .astro/, so two builds at once would mix up each other's content. ` +
		`Wait for that build to finish, or build shards at the same time from separate copies of the repository, as a CI matrix does (docs/networks.md, "Shards").\n` +
		`If no build is running, delete ${shownPath(file)} and build again.`
	);
}
