'use strict';

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

task('build:icons', copyIcons);
task('build:codex', copyCodex);
task('build:assets', parallel(copyIcons, copyCodex));
