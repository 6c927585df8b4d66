/**
 * npm run new -- asset <neighbourhood> "Title" [--kind gift] [--slug name]
 * npm run new -- story <neighbourhood> "Title" [--mdx] [--slug name]
 * npm run new -- neighbourhood <folder name> "Name"
 *
 * Writes a file ready to fill in: every field, a short note above each,
 * today's date where a date is due. Never overwrites a file.
 */
import { parseArgs } from 'node:util';
import { NewEntryError, createEntry } from '../src/lib/new-entry.ts';
import { today } from '../src/lib/today.ts';

const USAGE = `Usage:
  npm run new -- asset <neighbourhood> "Title"           a group, place, gift...
  npm run new -- story <neighbourhood> "Title"           a resident's story
  npm run new -- neighbourhood <folder name> "Its name"  a new neighbourhood guide

Options:
  --kind <kind>   for an asset: gift, group, place, organisation or business
                  (a gift also asks for the person's consent)
  --slug <name>   the file name, if the one made from the title will not do
  --mdx           for a story: use the story components (pull quotes, cards)

The neighbourhood is its folder name in content/neighbourhoods/, like lockside.
The file goes in CONTENT_DIR, or "content".`;

function fail(message: string, code = 2): never {
	console.error(code === 2 ? `${message}\n\n${USAGE}` : message);
	process.exit(code);
}

let parsed;
try {
	parsed = parseArgs({
		allowPositionals: true,
		options: {
			kind: { type: 'string' },
			slug: { type: 'string' },
			mdx: { type: 'boolean' },
			help: { type: 'boolean', short: 'h' },
		},
	});
} catch (error) {
	fail((error as Error).message);
}
if (parsed.values.help) {
	console.log(USAGE);
	process.exit(0);
}
const [type, n, title, ...extra] = parsed.positionals;
if (!type) fail('Say what to make: asset, story or neighbourhood.');
if (extra.length) fail(`Too many words: put the title in quotes, like "${[title, ...extra].join(' ')}".`);

try {
	const made = createEntry({
		contentDir: process.env.CONTENT_DIR || 'content',
		type,
		n: n ?? '',
		title,
		slug: parsed.values.slug,
		kind: parsed.values.kind,
		mdx: parsed.values.mdx,
		today: today(),
	});
	console.log(`Created ${made.file}

Next:
  1. Open it, and fill in every line that has <...> in it. The note above
     each line says what to write. Lines starting with # are never published.
  2. Run "npm run check" to see anything still to do.
  3. Once published, it will be at ${made.address}`);
} catch (error) {
	if (error instanceof NewEntryError) fail(`${error.message.charAt(0).toUpperCase()}${error.message.slice(1)}.`, 1);
	throw error;
}
