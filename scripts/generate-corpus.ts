/**
 * Write a synthetic content folder, for benchmarks and trying things at scale:
 *
 *   npm run corpus -- <dir> [--neighbourhoods 50] [--assets 170] [--stories 30] [--seed 1]
 *
 * Then build it like any other: CONTENT_DIR=<dir> npm run build.
 */
import { parseArgs } from 'node:util';
import { generateCorpus } from './lib/corpus.ts';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		neighbourhoods: { type: 'string', default: '3' },
		assets: { type: 'string', default: '40' },
		stories: { type: 'string', default: '8' },
		seed: { type: 'string', default: '1' },
		mdx: { type: 'string' },
		pictures: { type: 'string' },
	},
});
const [dir] = positionals;
if (!dir) {
	console.error('Say where to write it: npm run corpus -- <dir> [--neighbourhoods 50] [--assets 170] [--stories 30] [--seed 1]');
	process.exit(1);
}
const number = (name: string, value: string | undefined) => {
	const n = Number(value);
	if (value === undefined || !Number.isFinite(n)) throw new Error(`--${name} must be a number (got ${value})`);
	return n;
};
const corpus = generateCorpus({
	dir,
	neighbourhoods: number('neighbourhoods', values.neighbourhoods),
	assetsPerNeighbourhood: number('assets', values.assets),
	storiesPerNeighbourhood: number('stories', values.stories),
	seed: number('seed', values.seed),
	...(values.mdx !== undefined ? { mdxShare: number('mdx', values.mdx) } : {}),
	...(values.pictures !== undefined ? { pictureShare: number('pictures', values.pictures) } : {}),
});
console.log(
	`Wrote ${corpus.neighbourhoods.length} neighbourhoods, ${corpus.assets} assets and ${corpus.stories} stories (${corpus.entryPages} entry pages) to ${corpus.dir}`,
);
