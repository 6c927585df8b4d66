/**
 * The Content-Security-Policy every page carries, and the referrer policy:
 * one definition for the `<meta>` in each layout (SecurityMeta.astro) and
 * for the host's headers file.
 *
 * - Scripts and styles only from the site itself: no inline script, no
 *   `style=""`, nothing from anyone else's server. `'wasm-unsafe-eval'` lets
 *   Pagefind's search run its WebAssembly; it allows no JavaScript `eval`.
 * - Pictures from the site, or `data:` (QR codes, tiny icons).
 * - No plugins, no `<base>` from elsewhere, forms only to the site.
 *
 * `frame-ancestors` cannot be set from a `<meta>`; the embed pages must stay
 * frameable by surgeries' sites anyway.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
	'default-src': ["'self'"],
	'script-src': ["'self'", "'wasm-unsafe-eval'"],
	'style-src': ["'self'"],
	'img-src': ["'self'", 'data:'],
	'font-src': ["'self'"],
	'connect-src': ["'self'"],
	'object-src': ["'none'"],
	'base-uri': ["'self'"],
	'form-action': ["'self'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
	.map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
	.join('; ');

/**
 * No referrer at all: the address of a page ("carers' evening", "dementia
 * café") says something about the person reading it, and other sites have
 * no need to know which page someone came from.
 */
export const REFERRER_POLICY = 'no-referrer';
