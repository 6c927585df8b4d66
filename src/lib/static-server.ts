/**
 * A plain static file server over a built site, as any static host would
 * serve it: files only, 404.html for what is missing, the site under its base
 * path. Used by the browser tests and screenshots.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';

export interface RunningServer {
	url: string;
	origin: string;
	close(): Promise<void>;
}

export async function serveStatic(dir: string, base = '/', port = 0): Promise<RunningServer> {
	const files = sirv(dir, { dev: true, etag: false, dotfiles: false });
	const notFound = path.join(dir, '404.html');
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const server: Server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (!url.startsWith(prefix) && `${url}/` !== prefix) {
			res.statusCode = 404;
			res.end('Not under the base path');
			return;
		}
		req.url = `/${url.slice(prefix.length)}`;
		files(req, res, () => {
			res.statusCode = 404;
			res.setHeader('content-type', 'text/html; charset=utf-8');
			res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	const origin = `http://127.0.0.1:${actualPort}`;
	return {
		origin,
		url: `${origin}${prefix}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
