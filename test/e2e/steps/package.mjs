// Publishing readiness: what `npm pack` ships, and the checks n8n's community-package scanner
// (@n8n/scan-community-package) makes, run locally with the scanner's own code and rule sets.
// The packed tarball (not the working folder) is what every n8n in the later steps loads.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ensureNpmFolder } from '../../../scripts/lib/npm-folder.mjs';
import { PACKAGE, declaredFiles } from '../../../scripts/lib/package.mjs';
import { ROOT } from '../../../scripts/lib/paths.mjs';
import { run } from '../../../scripts/lib/proc.mjs';

/** The scanner n8n runs before it lists or verifies a community package. */
export const SCANNER = { name: '@n8n/scan-community-package', version: '0.32.0' };

// Runs in a child process: the scanner's analyzePackage on the unpacked tarball (compiled .js and
// package.json, like its tarball leg) and on this repository (its source leg's file patterns).
const SCAN_SCRIPT = `
import { analyzePackage, SOURCE_FILE_PATTERNS } from ${JSON.stringify('SCANNER_PATH')};
const [tarballDir, sourceDir] = process.argv.slice(1);
const tarball = await analyzePackage(tarballDir, ['**/*.js', 'package.json']);
const source = await analyzePackage(sourceDir, SOURCE_FILE_PATTERNS);
process.stdout.write('\\n@@RESULT@@' + JSON.stringify({ tarball, source }) + '\\n');
`;

async function unpack(ctx, tarball) {
	const dir = ctx.tempDir('unpacked');
	await run('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], { label: 'tar -x' });
	return dir;
}

export async function packageStep(ctx) {
	const failures = [];
	const check = (what, fn) => {
		try {
			fn();
		} catch (error) {
			failures.push(`${what}: ${error.message.split('\n')[0]}`);
		}
	};
	const pack = await ctx.pack();
	ctx.note(`npm pack: ${pack.files.length} files, ${Math.round(pack.size / 1024)} kB packed, ${Math.round(pack.unpackedSize / 1024)} kB unpacked`);
	const topLevel = [...new Set(pack.files.map((f) => (f.includes('/') ? `${f.split('/')[0]}/` : f)))].sort();
	ctx.note(`ships: ${topLevel.join(' ')}`);
	for (const problem of pack.problems) failures.push(`npm pack ${problem}`);

	// package.json rules the scanner's lint also enforces, stated plainly here.
	const packed = JSON.parse(readFileSync(join(await unpack(ctx, pack.tarball), 'package.json'), 'utf8'));
	check('no runtime dependencies', () => assert.deepEqual(Object.keys(packed.dependencies ?? {}), []));
	check('peerDependencies', () => assert.deepEqual(packed.peerDependencies, { 'n8n-workflow': '*' }));
	check('keyword n8n-community-node-package', () => assert.ok(packed.keywords?.includes('n8n-community-node-package')));
	check('no install scripts', () => assert.ok(!packed.scripts?.postinstall && !packed.scripts?.preinstall && !packed.scripts?.install));
	check('n8nNodesApiVersion 1', () => assert.equal(packed.n8n?.n8nNodesApiVersion, 1));
	check('n8n entries point into dist/', () => assert.deepEqual(declaredFiles().filter((file) => !file.startsWith('dist/')), []));
	check('the packed package.json is this one', () => assert.equal(packed.name, PACKAGE.name));

	// The scanner's own lint (its rule sets, no-console, no-runtime-dependencies, restricted
	// globals and imports) on the packed files and on the sources.
	const started = Date.now();
	const scanner = await ensureNpmFolder(`scanner-${SCANNER.version}`, { [SCANNER.name]: SCANNER.version });
	if (scanner.installed) ctx.time(`${SCANNER.name} install`, (Date.now() - started) / 1000);
	const scannerPath = join(scanner.dir, 'node_modules', ...SCANNER.name.split('/'), 'scanner', 'scanner.mjs');
	const unpacked = await unpack(ctx, pack.tarball);
	const { output } = await run(
		process.execPath,
		['--input-type=module', '-e', SCAN_SCRIPT.replace(JSON.stringify('SCANNER_PATH'), JSON.stringify(scannerPath)), unpacked, ROOT],
		{ cwd: scanner.dir, label: 'community-package scanner', timeoutMs: 300_000 },
	);
	const marker = output.lastIndexOf('@@RESULT@@');
	if (marker < 0) throw new Error(`the scanner printed no result:\n${output.slice(-2000)}`);
	const { tarball, source } = JSON.parse(output.slice(marker + '@@RESULT@@'.length).split('\n')[0]);
	ctx.note(`${SCANNER.name}@${SCANNER.version} lint: packed tarball ${tarball.passed ? 'passed' : 'FAILED'}, sources ${source.passed ? 'passed' : 'FAILED'}`);
	for (const [leg, result] of [['packed tarball', tarball], ['sources', source]]) {
		if (!result.passed) failures.push(`scanner (${leg}): ${result.message}\n${result.details ?? ''}`);
	}
	if (failures.length) throw new Error(failures.join('\n'));
}
