'use strict';

const { src, dest, task } = require('gulp');

// Copy node/credential icons into dist/icons, keeping their layout under icons/.
// Nodes reference them as file:../../icons/<name>.svg and credentials as
// file:../icons/<name>.svg, both of which resolve to dist/icons at runtime.
function copyIcons() {
	return src('icons/**/*.{svg,png}', { base: 'icons', encoding: false }).pipe(dest('dist/icons'));
}

task('build:icons', copyIcons);
