/**
 * How long the printed guides take to make, and how long they are: for a
 * sample neighbourhood and for a generated one of 200 entries.
 *
 *   npm run bench:print -- [--entries 200] [--neighbourhood lockside] [--runs 3]
 *
 * Each run is a real `astro build` with the PDF stage on; the figures are the
 * stage's own timings per PDF (every printing pass, and reading the page
 * numbers back, included), the median of the runs. Prints a Markdown table
 * for the README, with the machine it ran on.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findChromium } from '../src/lib/chromium.ts';
import { cacheDirFor } from '../src/lib/settings.ts';
import { generateCorpus } from './lib/corpus.ts';

const { values } = parseArgs({
	options: {
		entries: { type: 'string', default: '200' },
		neighbourhood: { type: 'string', default: 'lockside' },
		runs: { type: 'string', default: '3' },
	},
});
const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'bench/.out');
const runs = Number(values.runs);
const chromium = findChromium();
if (!chromium) {
	console.error('No Chromium found, so no PDFs to measure.');
	process.exit(1);
}

interface Figure {
	pages: number;
	passes: number;
	seconds: number;
}

/** Build, and read the PDF stage's lines: "lockside: guide, 29 pages, 2 passes, 0.8s". */
function build(name: string, contentDir: string, today: string): Map<string, Figure> {
	const outDir = path.join(OUT, name);
	// Every run prints: none takes the PDFs an earlier run kept (src/lib/pdf-cache.ts).
	rmSync(path.join(cacheDirFor(outDir), 'pdfs'), { recursive: true, force: true });
	const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: contentDir, OUT_DIR: outDir, GUIDE_PDF: 'required', GUIDE_TODAY: today, NO_COLOR: '1' },
		maxBuffer: 64 * 1024 * 1024,
	});
	if (result.status !== 0) throw new Error(`Building ${name} failed:\n${result.stdout}\n${result.stderr}`.slice(-4000));
	const figures = new Map<string, Figure>();
	for (const m of `${result.stdout}\n${result.stderr}`.matchAll(/\[pdfs\] ([a-z0-9-]+): ([a-z -]+), (\d+) pages?, (\d+) pass(?:es)?, ([\d.]+)s/g)) {
		figures.set(`${m[1]}/${m[2]}`, { pages: Number(m[3]), passes: Number(m[4]), seconds: Number(m[5]) });
	}
	return figures;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function measure(name: string, contentDir: string, n: string, today = ''): Map<string, Figure> {
	const all: Map<string, Figure>[] = [];
	for (let i = 0; i < runs; i++) all.push(build(name, contentDir, today));
	const out = new Map<string, Figure>();
	for (const job of ['guide', 'large-print guide', 'week sheet']) {
		const key = `${n}/${job}`;
		const seen = all.map((figures) => figures.get(key)).filter((f): f is Figure => f !== undefined);
		if (seen.length === 0) throw new Error(`No figures for ${key}`);
		out.set(job, { pages: seen[0].pages, passes: seen[0].passes, seconds: median(seen.map((f) => f.seconds)) });
	}
	return out;
}

const entries = Number(values.entries);
const corpusDir = path.join(OUT, `print-corpus-${entries}`);
// The corpus's dates are on or before 2026-06-01, its "today".
const corpus = generateCorpus({ dir: corpusDir, neighbourhoods: 1, assetsPerNeighbourhood: entries, storiesPerNeighbourhood: 12, seed: 1 });
const generated = corpus.neighbourhoods[0];

const rows: [string, Map<string, Figure>][] = [
	[`${values.neighbourhood} (sample, ${countEntries(values.neighbourhood)} entries)`, measure('print-sample', path.join(ROOT, 'content'), values.neighbourhood)],
	[`generated, ${corpus.assets} entries and ${corpus.stories} stories`, measure(`print-${entries}`, corpusDir, generated.n, '2026-06-01')],
];

const cpu = cpus();
console.log(
	`Measured on ${cpu.length} × ${cpu[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, ${execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim()}; median of ${runs} builds.\n`,
);
console.log('| neighbourhood | guide: pages, time | large print: pages, time | week sheet: pages, time |');
console.log('|---|---|---|---|');
for (const [label, figures] of rows) {
	const cell = (job: string) => {
		const f = figures.get(job)!;
		return `${f.pages}, ${f.seconds.toFixed(1)} s (${f.passes} ${f.passes === 1 ? 'pass' : 'passes'})`;
	};
	console.log(`| ${label} | ${cell('guide')} | ${cell('large-print guide')} | ${cell('week sheet')} |`);
}

function countEntries(n: string): number {
	return readdirSync(path.join(ROOT, 'content/neighbourhoods', n, 'assets')).filter((f) => /^[^_].*\.mdx?$/.test(f)).length;
}
