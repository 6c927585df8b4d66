import { describe, expect, it } from 'vitest';
import { absoluteUrl, normaliseBase, outputFileFor, routes, telHref, withBase } from '../../src/lib/urls.ts';

describe('base path', () => {
	it('normalises any way of writing a base', () => {
		expect(['', '/', 'guides', '/guides', 'guides/', '/guides/', '//guides//'].map(normaliseBase)).toEqual([
			'/',
			'/',
			'/guides/',
			'/guides/',
			'/guides/',
			'/guides/',
			'/guides/',
		]);
		expect(normaliseBase(undefined)).toBe('/');
	});

	it('puts the base in front of site paths', () => {
		expect(withBase('/', routes.home())).toBe('/');
		expect(withBase('/guides/', routes.home())).toBe('/guides/');
		expect(withBase('/guides', routes.asset('mill-lane', 'knit-and-natter'))).toBe('/guides/mill-lane/assets/knit-and-natter/');
		expect(withBase('/guides/', routes.calendar('mill-lane'))).toBe('/guides/mill-lane/calendar.ics');
		expect(withBase('/a/b/', routes.image('mill-lane', 'images/garden.jpg'))).toBe('/a/b/mill-lane/images/garden.jpg');
		// Back to a base met before: each call gets its own, whatever came just before.
		expect(withBase('/', routes.neighbourhood('mill-lane'))).toBe('/mill-lane/');
		expect(withBase('/guides/', 'mill-lane/')).toBe('/guides/mill-lane/');
	});

	it('leaves other sites and mail links alone', () => {
		expect(withBase('/guides/', 'https://example.org/x')).toBe('https://example.org/x');
		expect(withBase('/guides/', 'mailto:a@example.org')).toBe('mailto:a@example.org');
	});

	it('makes full addresses for QR codes and feeds', () => {
		expect(absoluteUrl('https://guides.example.org/', '/guides/', routes.neighbourhood('mill-lane'))).toBe(
			'https://guides.example.org/guides/mill-lane/',
		);
		expect(absoluteUrl('https://guides.example.org/ignored/path', '/', '/')).toBe('https://guides.example.org/');
		expect(absoluteUrl('http://localhost:4321/', '/', '/')).toBe('http://localhost:4321/');
		expect(absoluteUrl('https://guides.example.org/', '/', '/x/')).toBe('https://guides.example.org/x/');
	});

	it('knows the public URLs of the contract', () => {
		expect([
			routes.neighbourhood('n'),
			routes.asset('n', 's'),
			routes.story('n', 's'),
			routes.whatsOn('n'),
			routes.print('n'),
			routes.calendar('n'),
			routes.services('n'),
			routes.search(),
			routes.forSurgeries(),
		]).toEqual(['/n/', '/n/assets/s/', '/n/stories/s/', '/n/whats-on/', '/n/print/', '/n/calendar.ics', '/n/services.json', '/search/', '/for-surgeries/']);
	});

	it('maps site paths to built files', () => {
		expect(outputFileFor('/')).toBe('index.html');
		expect(outputFileFor('/n/assets/s/')).toBe('n/assets/s/index.html');
		expect(outputFileFor('/n/calendar.ics')).toBe('n/calendar.ics');
	});
});

describe('phone links', () => {
	it('keep only the digits and a leading +, so a phone can ring them', () => {
		expect(telHref('0113 496 0518')).toBe('tel:01134960518');
		expect(telHref('+44 (0)7700 900412')).toBe('tel:+4407700900412');
	});
});
