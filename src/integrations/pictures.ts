/**
 * Copy each picture an entry uses to `dist/<n>/images/...`: only those, so no
 * stray file in a content folder (an unused photo, a scan of a consent form)
 * is ever published.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { imageContentPath } from '../lib/guide.ts';
import type { BuildStage } from './stage.ts';

export const pictures: BuildStage = {
	name: 'pictures',
	async run({ content, outDir, logger }) {
		const drafts = new Set(content.neighbourhoods.filter((n) => n.data.draft).map((n) => n.n));
		const wanted = new Set<string>();
		for (const record of [...content.assets, ...content.stories]) {
			if (!record.data.image || record.data.draft || drafts.has(record.n)) continue;
			const contentPath = imageContentPath(record.contentPath, record.data.image.src);
			if (contentPath?.startsWith(`neighbourhoods/${record.n}/images/`)) wanted.add(contentPath);
		}
		for (const contentPath of wanted) {
			const target = path.join(outDir, contentPath.replace(/^neighbourhoods\//, ''));
			await mkdir(path.dirname(target), { recursive: true });
			await copyFile(path.join(content.root, contentPath), target);
		}
		if (wanted.size) logger.info(`Copied ${wanted.size} pictures.`);
	},
};
