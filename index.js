'use strict';

// The package's node and credential classes, as n8n loads them from dist/ (see "n8n" in package.json).
const { n8n } = require('./package.json');

function load(files) {
	const classes = {};
	for (const file of files) {
		Object.assign(classes, require(`./${file}`));
	}
	return classes;
}

module.exports = {
	...load(n8n.credentials),
	...load(n8n.nodes),
};
