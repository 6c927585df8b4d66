/**
 * Measuring a command for the benchmark: wall time, and peak memory of its
 * whole process tree (the build, and Chromium when it prints PDFs), sampled
 * from /proc. Linux only; elsewhere memory is reported as unknown.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs';

export interface Measured {
	/** Exit status of the command. */
	status: number;
	seconds: number;
	/** Highest total resident memory of the process and its descendants, in bytes, sampled every 100 ms. */
	peakTreeBytes?: number;
	/** Highest resident memory of any one process of the tree (its VmHWM: exact, not sampled), in bytes. */
	peakProcessBytes?: number;
	/**
	 * CPU seconds (user and system) of the whole tree, as last sampled before it
	 * ended: on a machine others are using too, a fairer comparison than wall time.
	 */
	cpuSeconds?: number;
}

const HAS_PROC = existsSync('/proc/self/status');

/** Run `node <args>`, with its output going to `logFile`, and measure it. */
export async function measureNode(args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd: string; logFile: string }): Promise<Measured> {
	const log = createWriteStream(options.logFile);
	const started = performance.now();
	const child = spawn(process.execPath, [...process.execArgv, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	let peakTree = 0;
	let peakProcess = 0;
	let cpu = 0;
	const sample = () => {
		if (!HAS_PROC || child.pid === undefined) return;
		const tree = sampleTree(child.pid);
		peakTree = Math.max(peakTree, tree.rss);
		peakProcess = Math.max(peakProcess, tree.hwm);
		cpu = Math.max(cpu, tree.cpu);
	};
	const timer = setInterval(sample, 100);
	const status = await new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
	clearInterval(timer);
	await new Promise((resolve) => log.end(resolve));
	return {
		status,
		seconds: (performance.now() - started) / 1000,
		peakTreeBytes: HAS_PROC ? peakTree : undefined,
		peakProcessBytes: HAS_PROC && peakProcess ? peakProcess : undefined,
		cpuSeconds: HAS_PROC && cpu ? cpu : undefined,
	};
}

/** Clock ticks per second for /proc/<pid>/stat times: 100 on every Linux that Node runs on. */
const TICKS = 100;

/**
 * Resident memory of a process and all its descendants (sum), the highest
 * peak of any one of them, in bytes, and their CPU seconds (each process's
 * own, and that of its children that have ended).
 */
function sampleTree(root: number): { rss: number; hwm: number; cpu: number } {
	const children = new Map<number, number[]>();
	const cpuOf = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			// Field 4 of /proc/<pid>/stat is the parent; the command name (field 2) may hold spaces, so split after ")".
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const ppid = Number(fields[1]);
			// utime, stime, cutime, cstime: fields 14 to 17 of stat, 11 to 14 after the name.
			cpuOf.set(Number(name), (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS);
			const list = children.get(ppid) ?? [];
			list.push(Number(name));
			children.set(ppid, list);
		} catch {
			// The process ended while we looked.
		}
	}
	let rss = 0;
	let hwm = 0;
	let cpu = 0;
	const stack = [root];
	while (stack.length) {
		const pid = stack.pop() as number;
		rss += statusField(pid, 'VmRSS') ?? 0;
		hwm = Math.max(hwm, statusField(pid, 'VmHWM') ?? 0);
		cpu += cpuOf.get(pid) ?? 0;
		stack.push(...(children.get(pid) ?? []));
	}
	return { rss, hwm, cpu };
}

/** A "kB" field of /proc/<pid>/status, in bytes. */
function statusField(pid: number, field: string): number | undefined {
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}
