// Summarises a V8 .cpuprofile: where the self time goes, by function and by package; the
// inclusive time of this package's frames and of n8n's RoutingNode; and, for the samples taken
// inside RoutingNode, the self time by function (what the engine's time is spent on).
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

// Inclusive time: a node's self time plus its descendants', for the frames of our own package
// and of n8n's RoutingNode; and the self time of everything that runs beneath RoutingNode.
const FOCUS = ['n8n-nodes-lofty/', 'n8n-core/dist/execution-engine/routing-node'];
const ROUTING_NODE = FOCUS[1];
const inclusive = new Map();
const underRoutingNode = new Map();
const focusFrame = ({ functionName, url, lineNumber }) =>
	FOCUS.some((part) => url.includes(part)) ? `${functionName || '(anonymous)'} ${url.split('node_modules/').pop()}:${lineNumber + 1}` : undefined;
// Iterative depth-first walk (a deep stack would overflow a recursive one); a recursive frame is
// counted once, at its outermost call.
const sums = new Map();
const order = [];
const stack = [{ id: profile.nodes[0].id, path: new Set(), routing: 0 }];
while (stack.length) {
	const { id, path, routing } = stack.pop();
	const node = byId.get(id);
	const where = focusFrame(node.callFrame);
	const counted = where !== undefined && !path.has(where);
	const childPath = counted ? new Set([...path, where]) : path;
	const inRouting = routing + (node.callFrame.url.includes(ROUTING_NODE) ? 1 : 0);
	if (inRouting > 0 && interval.has(id)) {
		const key = `${node.callFrame.functionName || '(anonymous)'} ${packageOf(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
		underRoutingNode.set(key, (underRoutingNode.get(key) ?? 0) + interval.get(id));
	}
	order.push({ id, where: counted ? where : undefined });
	for (const child of node.children ?? []) stack.push({ id: child, path: childPath, routing: inRouting });
}
// Children come after their parent in `order`: summing backwards gives each node its subtree.
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
for (let i = order.length - 1; i >= 0; i--) {
	const { id, where } = order[i];
	const sum = (sums.get(id) ?? 0) + (interval.get(id) ?? 0);
	const parent = parentOf.get(id);
	if (parent !== undefined) sums.set(parent, (sums.get(parent) ?? 0) + sum);
	if (where) inclusive.set(where, (inclusive.get(where) ?? 0) + sum);
}

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
table("Inclusive time of n8n-nodes-lofty and RoutingNode frames", inclusive);
table('Self time beneath RoutingNode, by function', underRoutingNode);
