/**
 * `npm run combine`: put the shards of a site together into one deployable
 * folder, and build what needs the whole site (the search index).
 *
 *   npm run combine -- dist-shards/1-of-4 dist-shards/2-of-4 dist-shards/3-of-4 dist-shards/4-of-4 --out dist
 *   npm run combine -- dist-shards/*-of-4 --out dist
 *
 * Run it from the same commit as the shard builds (it checks), with the same
 * CONTENT_DIR. See src/integrations/combine.ts for what it checks and why.
 *
 * package.json runs it with a small young generation (--max-semi-space-size=8):
 * this process reads the whole network, then waits while Pagefind indexes
 * it, and V8's default young generation (128 MB on a large machine) stayed
 * allocated through the wait. On 330 neighbourhoods: 500 MB to 240 MB held
 * while Pagefind ran, the time the same.
 */
import { parseArgs } from 'node:util';
import { CombineError, combine } from '../src/integrations/combine.ts';
import { STAGES } from '../src/integrations/stages.ts';
import { contentDir, outDir } from '../src/lib/settings.ts';

const USAGE = 'npm run combine -- <shard folder>... [--out dist]';

let values: { out?: string };
let positionals: string[];
try {
	({ values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } }));
} catch (error) {
	console.error(`${(error as Error).message}\n\nUsage: ${USAGE}`);
	process.exit(2);
}

const started = performance.now();
try {
	const result = await combine({
		shards: positionals,
		out: values.out ?? outDir(),
		contentDir: contentDir(),
		stages: STAGES,
		logger: { info: (m) => console.log(m), warn: (m) => console.warn(`warning: ${m}`), error: (m) => console.error(m) },
	});
	console.log(
		`Combined ${positionals.length} shards: ${result.neighbourhoods} neighbourhoods, ${result.files} files, in ${((performance.now() - started) / 1000).toFixed(1)}s, into ${values.out ?? outDir()}.`,
	);
} catch (error) {
	if (!(error instanceof CombineError)) throw error;
	console.error(`${error.message}\n\nUsage: ${USAGE}`);
	process.exit(1);
}
