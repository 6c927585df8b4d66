/** A Guide made straight from a content folder, as the pages get it, for testing what is made from it without a build. */
import path from 'node:path';
import { checkContent } from '../../src/lib/check-content.ts';
import { buildGuide, type Guide } from '../../src/lib/guide.ts';
import { formatReport } from '../../src/lib/problems.ts';
import { ROOT } from './build.ts';

export { ROOT };

export function guideFrom(contentDir: string, today: string): Guide {
	const todayDate = new Date(`${today}T00:00:00Z`);
	const { loaded, errors, problems } = checkContent(path.resolve(ROOT, contentDir), { today: todayDate });
	if (errors.length > 0 || !loaded.site) throw new Error(`${contentDir} has problems:\n${formatReport(problems)}`);
	return buildGuide({
		site: loaded.site,
		themes: loaded.themes,
		neighbourhoods: loaded.neighbourhoods,
		assets: loaded.assets,
		stories: loaded.stories,
		today: todayDate,
	});
}
