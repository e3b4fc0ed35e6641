'use strict';

const { rmSync } = require('fs');
const { src, dest, task, parallel } = require('gulp');

// Copy node/credential icons into dist/icons, keeping their layout under icons/.
// Nodes reference them as file:../../icons/<name>.svg and credentials as
// file:../icons/<name>.svg, both of which resolve to dist/icons at runtime.
function copyIcons() {
	return src('icons/**/*.{svg,png}', { base: 'icons', encoding: false }).pipe(dest('dist/icons'));
}

// Codex files (<Node>.node.json: categories, aliases, docs links) sit beside each compiled node.
function copyCodex() {
	return src('nodes/**/*.node.json', { base: 'nodes' }).pipe(dest('dist/nodes'));
}

// Output schemas (<Node>/__schema__/v<version>/<resource>/<operation>.json): n8n looks for them
// in the compiled node's folder.
function copySchemas() {
	return src('nodes/**/__schema__/**/*.json', { base: 'nodes' }).pipe(dest('dist/nodes'));
}

// dist/ from an earlier build may hold files whose sources moved (resources/<name>.js beside
// resources/<name>/index.js): the build starts from an empty dist/.
function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

task('clean', clean);
task('build:icons', copyIcons);
task('build:codex', copyCodex);
task('build:schemas', copySchemas);
task('build:assets', parallel(copyIcons, copyCodex, copySchemas));
