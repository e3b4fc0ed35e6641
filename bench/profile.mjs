// Summarises a V8 .cpuprofile: where the self time goes, by function and by package.
//   node bench/profile.mjs <file.cpuprofile> [rows]

import { readFileSync } from 'node:fs';

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
	process.stderr.write('usage: node bench/profile.mjs <file.cpuprofile> [rows]\n');
	process.exit(2);
}
const rows = Number(rowsArg ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const interval = new Map();
// timeDeltas[i] is the time before sample i; charge it to that sample's node.
profile.samples.forEach((id, i) => interval.set(id, (interval.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const packageOf = (url) => {
	if (!url) return '(native)';
	const parts = url.split('node_modules/');
	if (parts.length < 2) return url.startsWith('node:') ? 'node:' : url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
	const rest = parts.at(-1).split('/');
	return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
};

const self = new Map();
const packages = new Map();
let total = 0;
for (const [id, micros] of interval) {
	const { callFrame } = byId.get(id);
	const where = `${callFrame.functionName || '(anonymous)'} ${packageOf(callFrame.url)}:${callFrame.lineNumber + 1}`;
	self.set(where, (self.get(where) ?? 0) + micros);
	const pkg = packageOf(callFrame.url);
	packages.set(pkg, (packages.get(pkg) ?? 0) + micros);
	total += micros;
}

// Inclusive time: a node's self time plus its descendants', for the frames of our own package.
const inclusive = new Map();
const ownFrame = ({ functionName, url, lineNumber }) =>
	url.includes('n8n-nodes-lofty') ? `${functionName || '(anonymous)'} ${url.split('n8n-nodes-lofty/').pop()}:${lineNumber + 1}` : undefined;
const walk = (node, path) => {
	const where = ownFrame(node.callFrame);
	// A recursive frame is counted once, at its outermost call.
	const counted = where && !path.has(where);
	if (counted) path.add(where);
	let sum = interval.get(node.id) ?? 0;
	for (const child of node.children ?? []) sum += walk(byId.get(child), path);
	if (counted) {
		path.delete(where);
		inclusive.set(where, (inclusive.get(where) ?? 0) + sum);
	}
	return sum;
};
walk(byId.get(profile.nodes[0].id), new Set());

const ms = (micros) => (micros / 1000).toFixed(0).padStart(8);
const table = (title, map) => {
	process.stdout.write(`\n${title}\n`);
	for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
		process.stdout.write(`${ms(micros)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}\n`);
	}
};
process.stdout.write(`${file}: ${(total / 1e6).toFixed(2)} s sampled\n`);
table('Self time by package', packages);
table('Self time by function', self);
table('Inclusive time of n8n-nodes-lofty frames', inclusive);
