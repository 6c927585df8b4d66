/**
 * Checks that need more than one file: references between entries, aliases,
 * pictures on disk. Run by `npm run check` and by the build's preflight, on
 * what `loadContent` read.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isContentFile, type LoadedContent } from './content-files.ts';
import { imageContentPath } from './guide.ts';
import { fieldName, type Problem } from './problems.ts';
import { didYouMean } from './words.ts';
import { assetKey } from '../schema/story.ts';
import { IMAGE_EXTENSIONS } from './safety/policy.ts';
import { pictureProblem } from './picture-file.ts';

function hasEntryFile(root: string, n: string, slug: string): boolean {
	return ['.md', '.mdx'].some((ext) => existsSync(path.join(root, 'neighbourhoods', n, 'assets', `${slug}${ext}`)));
}


/** Every problem across files, added to the ones found while reading. */
export function validateContent(loaded: LoadedContent): Problem[] {
	const problems: Problem[] = [];
	const locate = (file: string, field: (string | number)[]) => loaded.sources.get(file)?.locate(field)?.line;
	const error = (file: string, field: (string | number)[], message: string, severity: Problem['severity'] = 'error') =>
		problems.push({ file, line: locate(file, field), field: fieldName(field), message, severity });

	// Two files for the same entry (`x.md` and `x.mdx`).
	const seen = new Map<string, string>();
	for (const record of [...loaded.assets, ...loaded.stories]) {
		const key = `${record.n}/${record.contentPath.split('/')[2]}/${record.slug}`;
		const other = seen.get(key);
		if (other) {
			problems.push({
				file: record.file,
				message: `has the same name as ${other}, so both would have one address (rename one of them, or delete the old one)`,
				severity: 'error',
			});
		}
		seen.set(key, record.file);
	}

	// References from stories to assets.
	const assetsByN = new Map<string, Map<string, (typeof loaded.assets)[number]>>();
	for (const asset of loaded.assets) {
		const map = assetsByN.get(asset.n) ?? new Map();
		map.set(asset.slug, asset);
		assetsByN.set(asset.n, map);
	}
	const neighbourhoodDrafts = new Set(loaded.neighbourhoods.filter((n) => n.data.draft).map((n) => n.n));
	for (const story of loaded.stories) {
		story.data.assets.forEach((ref, index) => {
			const [n, slug] = assetKey(ref, story.n).split('/');
			const asset = assetsByN.get(n)?.get(slug);
			// An asset whose file has problems of its own is reported there, not as missing here.
			if (!asset && hasEntryFile(loaded.root, n, slug)) return;
			if (!asset) {
				const known = [...(assetsByN.get(n)?.keys() ?? [])];
				const guess = didYouMean(slug, known);
				const where = n === story.n ? 'this neighbourhood' : `content/neighbourhoods/${n}/assets/`;
				error(
					story.file,
					['assets', index],
					`"${ref}" is not an asset in ${where} (${guess ? `did you mean "${guess}"? ` : ''}use the name of a file in ${n === story.n ? 'assets/' : where}, without ".md")`,
				);
			} else if ((asset.data.draft || neighbourhoodDrafts.has(asset.n)) && !story.data.draft) {
				error(
					story.file,
					['assets', index],
					`"${ref}" is a draft, so the story will not link to it (publish the asset, or take it out of this list)`,
					'warning',
				);
			}
		});
	}

	// Aliases: each old name leads to one entry, and never hides a live one.
	for (const assets of assetsByN.values()) {
		const claimed = new Map<string, string>();
		for (const asset of assets.values()) {
			(asset.data.aliases ?? []).forEach((alias, index) => {
				if (assets.has(alias)) {
					error(
						asset.file,
						['aliases', index],
						`"${alias}" is the name of another entry (${assets.get(alias)?.file}), so its address cannot lead here (remove the alias, or rename that entry)`,
					);
				} else if (claimed.has(alias)) {
					error(
						asset.file,
						['aliases', index],
						`"${alias}" is also an alias of ${claimed.get(alias)} (an old address can lead to one entry only: remove it from one of them)`,
					);
				} else {
					claimed.set(alias, asset.file);
				}
			});
		}
	}

	// Pictures: inside the neighbourhood's images/ folder, and really there.
	for (const record of [...loaded.assets, ...loaded.stories]) {
		const image = record.data.image;
		if (!image) continue;
		const contentPath = imageContentPath(record.contentPath, image.src);
		const folder = `neighbourhoods/${record.n}/images/`;
		if (!contentPath || !contentPath.startsWith(folder)) {
			error(
				record.file,
				['image', 'src'],
				`"${image.src}" is not in this neighbourhood's images folder (put the picture in content/${folder} and write src: ../images/<file name>)`,
			);
			continue;
		}
		if (!isContentFile(loaded.root, contentPath)) {
			error(record.file, ['image', 'src'], `"${image.src}" does not exist (check the file name and its capital letters, or add the picture to content/${folder})`);
		} else if (!IMAGE_EXTENSIONS.has(path.extname(contentPath).toLowerCase())) {
			error(record.file, ['image', 'src'], `"${image.src}" is not a picture the web can show (use a .jpg, .png or .webp file)`);
		} else {
			const problem = pictureProblem(path.join(loaded.root, contentPath));
			if (problem) error(record.file, ['image', 'src'], `"${image.src}" ${problem.message}`, problem.severity);
		}
	}

	if (loaded.site && loaded.neighbourhoods.length === 0 && !loaded.problems.some((p) => p.file.includes('neighbourhoods'))) {
		problems.push({
			file: path.relative(process.cwd(), path.join(loaded.root, 'neighbourhoods')) || 'neighbourhoods',
			message: 'has no neighbourhoods yet (add one: npm run new -- neighbourhood <name>)',
			severity: 'warning',
		});
	}
	return problems;
}
