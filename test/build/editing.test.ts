/** The built site leads editors to the file to edit and to the guide for editors. */
import { describe, expect, it } from 'vitest';
import { outDirOf } from '../helpers/build.ts';
import { readPage } from '../helpers/dist.ts';

describe('links for editors in the footer', () => {
	it('lead from every kind of page to its file and to docs/editing.md in the same repository', () => {
		for (const [page, file] of [
			['/testwick/assets/weekly-group/', 'neighbourhoods/testwick/assets/weekly-group.md'],
			['/testwick/stories/first-story/', 'neighbourhoods/testwick/stories/first-story.md'],
			['/testwick/', 'neighbourhoods/testwick/index.md'],
		]) {
			const links = readPage(outDirOf('fixture'), page)
				.querySelectorAll('footer a')
				.map((a) => [a.textContent.trim(), a.getAttribute('href')]);
			expect(links).toContainEqual(['Edit this page', `https://github.com/example/guides/edit/main/content/${file}`]);
			expect(links).toContainEqual(['How to edit this guide', 'https://github.com/example/guides/blob/main/docs/editing.md']);
		}
	});
});
