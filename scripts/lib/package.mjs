// Building, packing and installing this package the way n8n users get it.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from './paths.mjs';
import { run } from './proc.mjs';

export const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const PACKAGE_NAME = PACKAGE.name;

/**
 * Node type names as n8n registers them. A package installed as a community package (in
 * <user folder>/.n8n/nodes/node_modules, which is where Settings > Community Nodes and
 * `npm install` in ~/.n8n/nodes put it) gets its package name as prefix; files loaded through
 * N8N_CUSTOM_EXTENSIONS get `CUSTOM.` instead. Users have the former, so examples use it.
 */
export const TYPE_PREFIX = `${PACKAGE_NAME}.`;

/** Files `npm pack` may ship: the list. */
export const ALLOWED_FILES = [/^dist\//, /^index\.js$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^package\.json$/];
export const REQUIRED_FILES = ['index.js', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `npm run build` (tsc + gulp assets into dist/). */
export async function buildPackage({ echo = false } = {}) {
	await run(npm, ['run', 'build', '--silent'], { cwd: ROOT, echo, label: 'npm run build' });
}

/** The node and credential files package.json tells n8n to load. */
export function declaredFiles() {
	return [...(PACKAGE.n8n?.credentials ?? []), ...(PACKAGE.n8n?.nodes ?? [])];
}

/**
 * `npm pack` into `destination`. Returns {tarball, files, problems}: the packed paths and
 * what is wrong with the list (files outside ALLOWED_FILES, required files or n8n's declared
 * node/credential files missing).
 */
export async function packPackage(destination) {
	mkdirSync(destination, { recursive: true });
	const { output } = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
		cwd: ROOT,
		label: 'npm pack',
	});
	const start = output.indexOf('[');
	const [info] = JSON.parse(output.slice(start));
	const files = info.files.map((f) => f.path).sort();
	const problems = [];
	for (const file of files) {
		if (!ALLOWED_FILES.some((pattern) => pattern.test(file))) problems.push(`ships ${file}, which is not allowed`);
	}
	for (const file of [...REQUIRED_FILES, ...declaredFiles()]) {
		if (!files.includes(file)) problems.push(`does not ship ${file}`);
	}
	if (files.some((f) => /\.test\.|fake-lofty|^dist\/test\//.test(f))) problems.push('ships test files');
	return { tarball: join(destination, info.filename), files, size: info.size, unpackedSize: info.unpackedSize, problems };
}

/**
 * Installs a packed tarball as a community package into an n8n user folder, the way
 * `npm install <package>` in ~/.n8n/nodes does: unpacked into .n8n/nodes/node_modules/<name>,
 * listed in .n8n/nodes/package.json.
 */
export async function installTarball(tarball, userFolder) {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { label: 'tar -x (package)' });
	writeFileSync(
		join(nodesDir, 'package.json'),
		`${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: PACKAGE.version } }, null, 2)}\n`,
	);
	return target;
}
