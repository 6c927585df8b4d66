/**
 * The search interface, loaded on first use by search.ts. It reads the form
 * (words and filters), asks Pagefind, and lists results in plain words. The
 * search lives in the address, so a list of results can be linked, shared
 * and reloaded.
 *
 * Everything shown is built with DOM methods and textContent: nothing from
 * the index is ever parsed as HTML.
 */
import { JUST_TURN_UP } from '../lib/labels.ts';

/** The part of Pagefind's search API used here. */
interface Pagefind {
	options(options: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	preload(term: string, options?: SearchOptions): Promise<void>;
	search(term: string | null, options?: SearchOptions): Promise<{ results: PagefindResult[] } | null>;
}
interface SearchOptions {
	filters?: Record<string, string[]>;
}
interface PagefindResult {
	id: string;
	data(): Promise<ResultData>;
}
interface ResultData {
	url: string;
	meta: Partial<Record<'title' | 'place' | 'kind' | 'summary' | 'when' | 'where' | 'cost' | 'join', string>>;
}

export interface SearchUi {
	/** Search at once (the form was submitted). */
	now(): void;
}

/** Results shown at a time; more on request. */
const PAGE_SIZE = 10;
/** How long typing must pause before searching. */
const TYPING_PAUSE_MS = 300;

let loading: Promise<Pagefind> | undefined;
let failures = 0;

/** Pagefind from the site's own bundle, loaded once. `bundle` and `base` come from the page, so any base path works. */
function loadPagefind(bundle: string, base: string): Promise<Pagefind> {
	loading ??= (async () => {
		// A browser remembers a module that failed to load, so a retry asks for a fresh copy.
		const url = `${bundle}pagefind.js${failures ? `?retry=${failures}` : ''}`;
		const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
		// No web worker: it would be a second 42 KB download of much the same code, on
		// readers' old phones and small data plans, to move a search of a few
		// milliseconds off the page.
		await pagefind.options({ basePath: bundle, baseUrl: base, noWorker: true });
		await pagefind.init();
		return pagefind;
	})();
	loading.catch((error: unknown) => {
		loading = undefined;
		failures++;
		// For whoever looks: the index is made by `npm run build`, so `npm run dev` has none.
		console.warn(`Search could not load ${bundle}pagefind.js (it is made by npm run build; try npm start).`, error);
	});
	return loading;
}

export function enhance(root: HTMLElement, form: HTMLFormElement): SearchUi {
	const input = form.elements.namedItem('q') as HTMLInputElement;
	const status = root.querySelector<HTMLElement>('[data-search-status]')!;
	const resultsBox = root.querySelector<HTMLElement>('[data-search-results]')!;
	const list = root.querySelector<HTMLOListElement>('[data-search-list]')!;
	const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
	const widen = root.querySelector<HTMLAnchorElement>('[data-search-widen]');
	const details = root.querySelector<HTMLDetailsElement>('[data-search-filters]');
	const chosen = root.querySelector<HTMLElement>('[data-search-chosen]');
	const clear = root.querySelector<HTMLButtonElement>('[data-search-clear]');
	const scopeName = root.dataset.scopeName;
	const base = root.dataset.base ?? '/';
	const bundle = root.dataset.bundle ?? `${base}pagefind/`;
	const searchPage = root.dataset.searchPage ?? `${base}search/`;
	const hint = element('p', 'search-none');
	// A heading for the results, for people who move through a page by its headings.
	const resultsHeading = element('h2', 'visually-hidden', 'Search results');
	resultsBox.prepend(resultsHeading);

	let generation = 0;
	let typing: ReturnType<typeof setTimeout> | undefined;
	let results: PagefindResult[] = [];
	let shown = 0;

	// Start loading now: someone is about to search. (Asked again each time, so a failed load is retried.)
	const pagefind = () => loadPagefind(bundle, base);
	pagefind().catch(() => {});

	// Choices from the address are said in the summary and the status line; the
	// filters stay folded, so the results are not pushed off a phone's screen.
	fillFromAddress();
	updateChoices();

	input.addEventListener('input', () => {
		updateWiden();
		clearTimeout(typing);
		typing = setTimeout(run, TYPING_PAUSE_MS);
		void pagefind()
			.then((p) => p.preload(input.value.trim()))
			.catch(() => {});
	});
	form.addEventListener('change', (event) => {
		if (event.target === input) return;
		updateChoices();
		void run();
	});
	clear?.addEventListener('click', () => {
		for (const field of filterFields()) {
			if (field instanceof HTMLSelectElement) field.value = '';
			else field.checked = false;
		}
		updateChoices();
		void run();
		// The clear button hides itself; keep focus in the filters.
		details?.querySelector<HTMLElement>('select, input')?.focus();
	});
	more.addEventListener('click', () => void showMore(generation, true));

	if (input.value.trim() || chosenFilters().length) void run();
	return {
		now: () => {
			if (!input.value.trim() && chosenFilters().length === 0) {
				// Pressing Search with nothing to search for should not look like nothing happened.
				status.textContent = 'Type what you are looking for, then press Search.';
				input.focus();
				return;
			}
			void run();
		},
	};

	/** The form's own filters: selects and checkboxes (not the hidden neighbourhood of a guide's box). */
	function filterFields(): (HTMLSelectElement | HTMLInputElement)[] {
		return [...form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input[type=checkbox]')];
	}

	/** Filters for Pagefind, from every named field but the words: `{ day: ['tuesday'], access: ['step-free', 'seating'] }`. */
	function filters(): Record<string, string[]> {
		const out: Record<string, string[]> = {};
		for (const [key, value] of new FormData(form)) {
			if (key === 'q' || typeof value !== 'string' || !value) continue;
			(out[key] ??= []).push(value);
		}
		return out;
	}

	/** The filters someone chose, in words: ["Tuesday", "Free"]. */
	function chosenFilters(): string[] {
		return filterFields().flatMap((field) => {
			if (field instanceof HTMLSelectElement) return field.value ? [field.selectedOptions[0]?.textContent?.trim() ?? field.value] : [];
			return field.checked ? [field.closest('label')?.textContent?.trim().split(':')[0] ?? field.value] : [];
		});
	}

	function fillFromAddress() {
		const params = new URLSearchParams(location.search);
		const words = params.get('q');
		if (words !== null && !input.value) input.value = words;
		for (const field of filterFields()) {
			const values = params.getAll(field.name);
			if (field instanceof HTMLSelectElement) {
				if (values[0] && [...field.options].some((o) => o.value === values[0])) field.value = values[0];
			} else if (values.includes(field.value)) {
				field.checked = true;
			}
		}
	}

	/** Keep the address in step with the search, so it can be linked and reloaded. */
	function writeAddress() {
		const params = new URLSearchParams();
		const words = input.value.trim();
		if (words) params.set('q', words);
		for (const field of filterFields()) {
			if (field instanceof HTMLSelectElement ? field.value : field.checked) params.append(field.name, field.value);
		}
		const query = params.toString();
		const address = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
		if (address !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', address);
	}

	function updateChoices() {
		const count = chosenFilters().length;
		if (chosen) chosen.textContent = count ? `(${count} chosen)` : '';
		if (clear) clear.hidden = count === 0;
		updateWiden();
	}

	function updateWiden() {
		if (!widen) return;
		const words = input.value.trim();
		widen.href = words ? `${searchPage}?${new URLSearchParams({ q: words })}` : searchPage;
		widen.textContent = words ? `Search all neighbourhoods for “${words}”` : 'Search all neighbourhoods instead';
	}

	async function run() {
		clearTimeout(typing);
		const current = ++generation;
		writeAddress();
		const words = input.value.trim();
		const chosenWords = chosenFilters();
		if (!words && chosenWords.length === 0) {
			results = [];
			list.replaceChildren();
			resultsBox.hidden = true;
			status.textContent = '';
			return;
		}
		resultsBox.setAttribute('aria-busy', 'true');
		let search: Awaited<ReturnType<Pagefind['search']>>;
		try {
			search = await (await pagefind()).search(words || null, { filters: filters() });
		} catch {
			if (current === generation) broken();
			return;
		}
		if (current !== generation || !search) return;
		results = search.results;
		shown = 0;
		list.replaceChildren();
		hint.remove();
		await showMore(current, false);
		if (current !== generation) return;
		resultsBox.removeAttribute('aria-busy');
		resultsBox.hidden = false;
		status.textContent = summary(results.length, words, chosenWords);
		if (results.length === 0) {
			hint.replaceChildren(`Try a shorter word, or check the spelling.${chosenWords.length ? ' Or take away some of your choices.' : ''}`);
			if (widen && words) {
				const everywhere = element('a', undefined, widen.textContent ?? '');
				everywhere.href = widen.href;
				hint.append(' Or ', everywhere, '.');
			}
			list.before(hint);
		}
	}

	function summary(count: number, words: string, chosenWords: string[]): string {
		const found = count === 0 ? 'No results' : `${count} ${count === 1 ? 'result' : 'results'}`;
		const forWords = words ? ` for “${words}”` : '';
		const where = scopeName ? ` in ${scopeName}` : chosenWords.length ? ` (${chosenWords.join(', ')})` : '';
		return `${found}${forWords}${where}.`;
	}

	async function showMore(current: number, moveFocus: boolean) {
		const next = results.slice(shown, shown + PAGE_SIZE);
		const data = await Promise.all(next.map((r) => r.data()));
		if (current !== generation) return;
		const items = data.map(resultItem);
		list.append(...items);
		shown += next.length;
		const left = results.length - shown;
		more.hidden = left === 0;
		more.textContent = `Show ${Math.min(left, PAGE_SIZE)} more (${left} not shown yet)`;
		if (moveFocus) items[0]?.querySelector('a')?.focus();
	}

	function broken() {
		resultsBox.hidden = true;
		resultsBox.removeAttribute('aria-busy');
		status.replaceChildren('Sorry, search is not working at the moment. ');
		const aToZ = root.dataset.aToZ;
		if (aToZ) {
			const link = document.createElement('a');
			link.href = aToZ;
			link.textContent = 'Look through everything, A to Z';
			status.append(link, '.');
		}
	}
}

/** One result as a card: title, what and where it is, its summary, and for assets when, where and the badges. */
function resultItem(result: ResultData): HTMLLIElement {
	const meta = result.meta;
	const item = element('li', 'card search-result');
	const heading = element('h3', 'card-title');
	const link = element('a');
	link.href = result.url;
	link.textContent = meta.title ?? result.url;
	heading.append(link);
	item.append(heading);
	if (meta.kind || meta.place) item.append(element('p', 'card-meta', [meta.kind, meta.place && `in ${meta.place}`].filter(Boolean).join(' ')));
	if (meta.summary) item.append(element('p', undefined, meta.summary));
	if (meta.when || meta.where) {
		const facts = element('dl', 'search-facts');
		for (const [label, value] of [
			['When', meta.when],
			['Where', meta.where],
		] as const) {
			if (!value) continue;
			const dd = element('dd');
			for (const line of value.split('\n')) dd.append(element('span', undefined, line));
			facts.append(element('dt', undefined, label), dd);
		}
		item.append(facts);
	}
	if (meta.join || meta.cost) {
		const badges = element('ul', 'badges');
		badges.setAttribute('aria-label', 'At a glance');
		if (meta.join) badges.append(element('li', meta.join === JUST_TURN_UP ? 'badge badge-go' : 'badge', meta.join));
		if (meta.cost) badges.append(element('li', 'badge badge-cost', meta.cost));
		item.append(badges);
	}
	return item;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	if (className) el.className = className;
	if (text !== undefined) el.textContent = text;
	return el;
}
