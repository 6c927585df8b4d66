/**
 * Fill in package-lock.json entries for other platforms' optional binaries.
 *
 * Packages such as Pagefind and Astro's compiler ship one optional package per
 * platform. When the registry in use lacks some of them at the wanted version
 * (a partial mirror, for instance), `npm install` leaves them out of the
 * lockfile and `npm ci` then refuses the lockfile on every machine. npm never
 * fetches a package for another platform, so an entry with its version and
 * platform fields is all `npm ci` needs.
 *
 * Run after changing dependencies: `npm run complete-lockfile`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
	version?: string;
	optional?: boolean;
	os?: string[];
	cpu?: string[];
	libc?: string[];
	optionalDependencies?: Record<string, string>;
}

const lockPath = 'package-lock.json';
const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, LockEntry> };
let added = 0;

for (const [location, entry] of Object.entries(lock.packages)) {
	for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
		const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
		if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
		const version = range.replace(/^[\^~=]/, '');
		const platform = platformOf(name, version);
		if (!platform) {
			console.warn(`${name}: not found in the registry at all; left out`);
			continue;
		}
		lock.packages[`node_modules/${name}`] = { version, optional: true, ...platform };
		console.log(`added ${name}@${version} (${[platform.os, platform.cpu, platform.libc].flat().filter(Boolean).join(' ')})`);
		added++;
	}
}

if (added) writeFileSync(lockPath, `${JSON.stringify(lock, null, '\t').replace(/\t/g, '  ')}\n`);
console.log(added ? `${added} entries added to ${lockPath}.` : `${lockPath} already lists every platform.`);

/** os/cpu/libc of a package: from the wanted version, or any version the registry has (they do not change). */
function platformOf(name: string, version: string): Pick<LockEntry, 'os' | 'cpu' | 'libc'> | undefined {
	for (const spec of [`${name}@${version}`, name]) {
		try {
			const out = execFileSync('npm', ['view', spec, 'os', 'cpu', 'libc', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
			if (!out) continue;
			const parsed = JSON.parse(out) as LockEntry | string[];
			// With one field present, npm prints the bare value.
			const fields = Array.isArray(parsed) ? { cpu: parsed } : parsed;
			return Object.fromEntries(Object.entries(fields).filter(([k]) => ['os', 'cpu', 'libc'].includes(k)));
		} catch {
			// try the next spec
		}
	}
	return undefined;
}
