/**
 * Search, in two steps so pages stay light. This small script only watches
 * the search box. The first time someone uses it (focus, typing, choosing a
 * filter, submitting) or arrives with a search in the address, it loads the
 * search interface (search-ui.ts), which loads Pagefind from the site's own
 * bundle. Until then, nothing of Pagefind is fetched.
 */
import type { SearchUi } from './search-ui.ts';

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) watch(root);

function watch(root: HTMLElement) {
	const form = root.querySelector('form');
	if (!form) return;
	// Filters only work with this script, so they are only shown with it.
	const filters = root.querySelector<HTMLElement>('[data-search-filters]');
	if (filters) filters.hidden = false;

	let ui: Promise<SearchUi> | undefined;
	let broken = false;
	const start = () => {
		ui ??= import('./search-ui.ts')
			.then((module) => module.enhance(root, form))
			.catch((error: unknown) => {
				broken = true;
				showBroken(root);
				throw error;
			});
		return ui;
	};

	for (const type of ['focusin', 'input', 'change'] as const) form.addEventListener(type, () => void start().catch(() => {}), { once: true });
	form.addEventListener('submit', (event) => {
		// If search cannot load, the form goes to the search page like any form.
		if (broken) return;
		event.preventDefault();
		start()
			.then((search) => search.now())
			.catch(() => {});
	});
	if (hasSearch(new URLSearchParams(location.search), form)) void start().catch(() => {});
}

/** Whether the address holds a search: words, or any of this form's filters. */
function hasSearch(params: URLSearchParams, form: HTMLFormElement): boolean {
	for (const [key, value] of params) {
		if (value && (key === 'q' || form.querySelector(`[name="${CSS.escape(key)}"]:not([type=hidden])`))) return true;
	}
	return false;
}

function showBroken(root: HTMLElement) {
	const status = root.querySelector<HTMLElement>('[data-search-status]');
	if (!status) return;
	const aToZ = root.dataset.aToZ;
	status.replaceChildren('Sorry, search is not working at the moment. ');
	if (aToZ) {
		const link = document.createElement('a');
		link.href = aToZ;
		link.textContent = 'Look through everything, A to Z';
		status.append(link, '.');
	}
}
