// A private npm project under .cache/ holding a pinned tool, installed on first use.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CACHE } from './paths.mjs';
import { run } from './proc.mjs';

/**
 * Installs `dependencies` (exact versions) into .cache/<name>/ unless they are there already.
 * Resolves {dir, installed, seconds}.
 */
export async function ensureNpmFolder(name, dependencies) {
	const dir = join(CACHE, name);
	const marker = join(dir, '.ready.json');
	const manifest = { name: `lofty-e2e-${name}`, private: true, dependencies };
	try {
		const ready = JSON.parse(readFileSync(marker, 'utf8'));
		if (JSON.stringify(ready.manifest) === JSON.stringify(manifest)) return { dir, installed: false, seconds: 0 };
	} catch {
		// not installed yet
	}
	const started = Date.now();
	mkdirSync(dir, { recursive: true });
	rmSync(marker, { force: true });
	writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
	await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: dir,
		label: `npm install (${name})`,
	});
	const seconds = Math.round((Date.now() - started) / 1000);
	writeFileSync(marker, `${JSON.stringify({ manifest, seconds }, null, 2)}\n`);
	return { dir, installed: true, seconds };
}
