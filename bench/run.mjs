// Benchmark: the Lofty nodes inside a real n8n 2.41.1 against the Lofty sandbox on loopback,
// side by side with n8n's own HTTP Request node. Writes bench/results.md.
//
//   npm run bench                 (BENCH_RUNS=3 by default: every timing is the median of 3 runs)
//
// Each workflow runs through `n8n execute` under /usr/bin/time, which reports the n8n process's
// CPU time and peak RSS; the node's own time comes from the run data n8n records.

import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { ensureHost } from '../scripts/n8n-host.mjs';
import { N8n, findRun } from '../scripts/lib/n8n.mjs';
import { PACKAGE_NAME, buildPackage, installTarball, packPackage } from '../scripts/lib/package.mjs';
import { ROOT } from '../scripts/lib/paths.mjs';
import { freePort, run } from '../scripts/lib/proc.mjs';
import { startSandbox } from '../scripts/sandbox.mjs';
import { coreNode, credentialRecord, line, loftyNode, manualTrigger } from '../test/e2e/workflows.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of every `n8n execute` there (read them with
// `node bench/profile.mjs <file>`); profiling slows the runs, so its figures are not comparable.
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE;
const API_KEY = 'bench-api-key';
const HEADER_CREDENTIAL = { id: 'benchHeader', name: 'Sandbox header auth' };
const work = join(tmpdir(), `lofty-bench-${process.pid}`);
const say = (text) => process.stdout.write(`${text}\n`);

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const stats = (values) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });
const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : String(value));
const triple = ({ median: m, min, max }, digits = 2) => `${fmt(m, digits)} (${fmt(min, digits)}–${fmt(max, digits)})`;

/** `n8n execute` under /usr/bin/time: the run, the node's own time, process CPU seconds and peak RSS. */
async function execute(n8n, workflowId, nodeName) {
	const timeFile = join(work, `time-${workflowId}-${Date.now()}.txt`);
	const { code, output } = await run(
		'/usr/bin/time',
		[
			...['-f', '%e %U %S %M', '-o', timeFile, n8n.paths.node],
			...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${workflowId}-${Date.now()}.cpuprofile`] : []),
			...[n8n.paths.n8n, 'execute', `--id=${workflowId}`, '--rawOutput'],
		],
		{ env: n8n.env({ NO_COLOR: '1' }), cwd: n8n.userFolder, check: false, timeoutMs: 900_000 },
	);
	const [elapsed, user, system, maxRssKb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
	const runData = findRun(output)?.data?.resultData?.runData;
	const task = runData?.[nodeName]?.[0];
	const measures = { processSeconds: elapsed, cpuSeconds: user + system, rssMb: maxRssKb / 1024 };
	// A very large run (tens of thousands of items) may not come back whole on stdout: then only
	// the exit code says it succeeded, and the counts come from the sandbox.
	if (!task && code === 0) return { ...measures, nodeSeconds: Number.NaN, items: Number.NaN };
	if (!task || task.error) {
		const log = join(tmpdir(), `lofty-bench-failed-${workflowId}.log`);
		writeFileSync(log, output);
		throw new Error(`workflow ${workflowId} failed (exit ${code}): ${task?.error?.message ?? 'no run data'}; n8n's output is in ${log}`);
	}
	const items = task.data?.main?.[0] ?? [];
	return { ...measures, nodeSeconds: task.executionTime / 1000, items: items.length };
}

function httpNode(name, parameters) {
	const node = coreNode(name, 'httpRequest', { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth', ...parameters }, [0, 0], 4.2);
	node.credentials = { httpHeaderAuth: HEADER_CREDENTIAL };
	return node;
}

/**
 * Case 3 also runs Lofty Note under n8n's own RoutingNode, on the same descriptions: a copy of
 * the package under another name whose Lofty Note has no customOperations, so n8n routes it.
 */
const ROUTING_NODE_PACKAGE = `${PACKAGE_NAME}-routingnode`;

function installRoutingNodeCopy(installed) {
	const copy = join(installed, '..', ROUTING_NODE_PACKAGE);
	rmSync(copy, { recursive: true, force: true });
	cpSync(installed, copy, { recursive: true });
	const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'));
	manifest.name = ROUTING_NODE_PACKAGE;
	// Only the node: the credentials come from the package itself.
	manifest.n8n = { ...manifest.n8n, credentials: [], nodes: manifest.n8n.nodes.filter((file) => file.includes('/LoftyNote/')) };
	writeFileSync(join(copy, 'package.json'), JSON.stringify(manifest, null, 2));
	appendFileSync(
		join(copy, 'dist', 'nodes', 'LoftyNote', 'LoftyNote.node.js'),
		'\n// bench: the same node without customOperations, so n8n runs its own RoutingNode\n' +
			'const RoutedByLofty = exports.LoftyNote;\n' +
			'exports.LoftyNote = class extends RoutedByLofty { constructor() { super(); delete this.customOperations; } };\n',
	);
	const nodesManifest = join(installed, '..', '..', 'package.json');
	const nodes = JSON.parse(readFileSync(nodesManifest, 'utf8'));
	nodes.dependencies[ROUTING_NODE_PACKAGE] = manifest.version;
	writeFileSync(nodesManifest, JSON.stringify(nodes, null, 2));
}

/**
 * A run whose output n8n did not give back whole (it happens under load) is run again, up to
 * twice more; after that the run is reported and left out rather than ending the bench.
 */
async function executeReadable(n8n, workflowId, nodeName, check) {
	for (let attempt = 1; attempt <= 3; attempt++) {
		const result = await execute(n8n, workflowId, nodeName);
		const problem = check(result);
		if (!problem) return result;
		say(`   ${workflowId}: ${problem} (attempt ${attempt} of 3)`);
	}
	return undefined;
}

/** A Code node that emits `count` items built by `item` (a JS expression of i). */
const itemsNode = (count, item) =>
	coreNode('Items', 'code', { jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: ${item} }));` }, [0, 0], 2);

async function main() {
	mkdirSync(work, { recursive: true });
	const started = Date.now();
	say('Preparing: n8n 2.41.1 host, package tarball, Lofty sandbox…');
	await ensureHost('2.41.1', { log: (text) => say(`  ${text}`) });
	await buildPackage();
	const pack = await packPackage(work);
	const sandbox = await startSandbox({ apiKey: API_KEY, rateLimit: undefined, seed: 'none' });
	const { fake } = sandbox;
	const userFolder = join(work, 'n8n');
	installRoutingNodeCopy(await installTarball(pack.tarball, userFolder));
	const n8n = new N8n({ version: '2.41.1', userFolder, port: await freePort(), logFile: join(work, 'n8n.log') });
	await n8n.pickBrokerPort();
	await n8n.importCredentials([
		credentialRecord(sandbox.baseUrl, API_KEY),
		{ id: HEADER_CREDENTIAL.id, name: HEADER_CREDENTIAL.name, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `token ${API_KEY}` } },
	]);

	const workflows = {
		baseline: line('bnBase', 'bench: empty', [manualTrigger(), coreNode('Nothing', 'noOp')]),
		returnAll: line('bnAll', 'bench: Lofty Return All', [manualTrigger(), loftyNode('Leads', 'loftyLead', { resource: 'lead', operation: 'getAll', returnAll: true })]),
		creates: line('bnCreate', 'bench: Lofty creates', [
			manualTrigger(),
			itemsNode(300, '{ first: `Bench${i}`, email: `bench${i}-${Date.now()}@example.com` }'),
			loftyNode('Create', 'loftyLead', { resource: 'lead', operation: 'create', firstName: '={{ $json.first }}', emails: '={{ $json.email }}' }),
		]),
		calls: line('bnCalls', 'bench: Lofty call history', [
			manualTrigger(),
			loftyNode('Calls', 'loftyCommunication', { resource: 'call', operation: 'getAll', returnAll: true }),
		]),
		loftyNotes: line('bnLNotes', 'bench: Lofty Note x2000', [
			manualTrigger(),
			itemsNode(2000, '{ leadId: "1000001", content: `Note ${i}` }'),
			loftyNode('Notes', 'loftyNote', { resource: 'note', operation: 'create', leadId: '={{ $json.leadId }}', content: '={{ $json.content }}' }),
		]),
		routingNodeNotes: line('bnNNotes', "bench: Lofty Note x2000 (n8n's RoutingNode)", [
			manualTrigger(),
			itemsNode(2000, '{ leadId: "1000001", content: `Note ${i}` }'),
			{
				...loftyNode('Notes', 'loftyNote', { resource: 'note', operation: 'create', leadId: '={{ $json.leadId }}', content: '={{ $json.content }}' }),
				type: `${ROUTING_NODE_PACKAGE}.loftyNote`,
			},
		]),
		httpNotes: line('bnHNotes', 'bench: HTTP Request x2000', [
			manualTrigger(),
			itemsNode(2000, '{ leadId: "1000001", content: `Note ${i}` }'),
			httpNode('Notes', {
				method: 'POST',
				url: `${sandbox.baseUrl}/v1.0/notes`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ leadId: $json.leadId, content: $json.content }) }}',
				options: {},
			}),
		]),
		httpAll: line('bnHAll', 'bench: HTTP Request paging', [
			manualTrigger(),
			httpNode('Leads', {
				method: 'GET',
				url: `${sandbox.baseUrl}/v1.0/leads`,
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'limit', value: '100' }] },
				options: {
					pagination: {
						pagination: {
							paginationMode: 'updateAParameterInEachRequest',
							parameters: { parameters: [{ type: 'qs', name: 'offset', value: '={{ $pageCount * 100 }}' }] },
							paginationCompleteWhen: 'other',
							completeExpression: '={{ $response.body.leads.length < 100 }}',
						},
					},
				},
			}),
		]),
	};
	await n8n.importWorkflows(Object.values(workflows));
	say(`Ready in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);

	const resetLeads = (count) => {
		fake.data.leads.clear();
		fake.data.scrolls?.clear?.();
		if (count) fake.seedLeads(count);
	};
	const api = () => fake.requests.filter((r) => r.path.startsWith('/v1.0'));

	// BENCH_CASES=3,4 runs only some cases; results.md is then left alone.
	const only = (process.env.BENCH_CASES ?? '1,2,3,4').split(',').map(Number);

	// 1. Rate-limit efficiency ------------------------------------------------------------
	const L = 10;
	const W = 2;
	const limited = [];
	for (const [label, workflowId, node, prepare] of only.includes(1) ? [
		['Return All of 2,000 leads', 'bnAll', 'Leads', () => resetLeads(2000)],
		['300 single-item creates', 'bnCreate', 'Create', () => resetLeads(0)],
	] : []) {
		const ratios = [];
		const tooMany = [];
		let requests = 0;
		let failed = 0;
		for (let i = 0; i < RUNS; i++) {
			prepare();
			fake.setRateLimit({ limit: L, windowMs: W * 1000, resetStyle: 'remaining-ms' });
			fake.clearRequests();
			const result = await execute(n8n, workflowId, node);
			requests = api().filter((r) => r.status !== 429).length;
			const minimum = Math.ceil(requests / L) * W;
			ratios.push(result.nodeSeconds / minimum);
			tooMany.push(api().filter((r) => r.status === 429).length);
			failed += workflowId === 'bnCreate' ? 300 - result.items : 0;
			say(`1. ${label}: run ${i + 1}: ${fmt(result.nodeSeconds)} s for ${requests} requests (minimum ${minimum} s), ${tooMany.at(-1)} 429s`);
		}
		limited.push({ label, requests, minimum: Math.ceil(requests / L) * W, ratio: stats(ratios), tooMany: stats(tooMany), windows: Math.ceil(requests / L), failed });
	}
	fake.setRateLimit(undefined);

	// 2. Request economy ------------------------------------------------------------------
	const economy = [];
	for (const count of only.includes(2) ? [0, 1, 99, 100, 101, 10_000] : []) {
		resetLeads(count);
		fake.clearRequests();
		const result = await execute(n8n, 'bnAll', 'Leads');
		const made = api().length;
		const items = Number.isNaN(result.items) ? count : result.items;
		economy.push({ label: `Return All of ${count.toLocaleString('en-US')} leads`, items, requests: made, minimum: Math.max(1, Math.ceil(count / 100)), note: 'leads search, 100 per page, stops by _metadata.total' });
		say(`2. ${count} leads: ${made} requests, ${result.items} items`);
	}
	if (only.includes(2)) {
	fake.data.calls.splice(0);
	fake.seedCallHistory(2500);
	fake.clearRequests();
	const calls = await execute(n8n, 'bnCalls', 'Calls');
	economy.push({
		label: 'Return All of 2,500 call records (currentId)',
		items: calls.items,
		requests: api().length,
		minimum: Math.ceil(2500 / 1000),
		note: '1,000 per page; the cursor gives no total, so only a short page ends it',
	});
	say(`2. 2,500 calls: ${api().length} requests, ${calls.items} items`);
	}

	// 3. Overhead against the HTTP Request node --------------------------------------------
	resetLeads(0);
	fake.data.addLead({ firstName: 'Bench' }, 1000001);
	const base = [];
	for (let i = 0; i < (only.includes(3) ? RUNS : 0); i++) base.push((await execute(n8n, 'bnBase', 'Nothing')).cpuSeconds);
	const baseCpu = median(base);
	const overhead = { lofty: { wall: [], cpu: [] }, routingNode: { wall: [], cpu: [] }, http: { wall: [], cpu: [] } };
	for (let i = 0; i < (only.includes(3) ? RUNS : 0); i++) {
		for (const [key, workflowId] of [
			['lofty', 'bnLNotes'],
			['routingNode', 'bnNNotes'],
			['http', 'bnHNotes'],
		]) {
			const result = await executeReadable(n8n, workflowId, 'Notes', (run) => {
				const requests = api().length;
				fake.clearRequests();
				return run.items === 2000 && requests === 2000 ? undefined : `${run.items} items, ${requests} requests`;
			});
			if (!result) {
				say(`3. ${key} run ${i + 1}: left out, its output could not be read`);
				continue;
			}
			overhead[key].wall.push(result.nodeSeconds);
			overhead[key].cpu.push(result.cpuSeconds - baseCpu);
			say(`3. ${key} run ${i + 1}: node ${fmt(result.nodeSeconds)} s, process CPU ${fmt(result.cpuSeconds)} s (baseline ${fmt(baseCpu)} s)`);
		}
	}

	// 4. Memory -----------------------------------------------------------------------------
	resetLeads(50_000);
	const memory = { lofty: [], http: [], base: [] };
	for (let i = 0; i < (only.includes(4) ? Math.min(RUNS, 2) : 0); i++) {
		const lofty = await execute(n8n, 'bnAll', 'Leads');
		const http = await execute(n8n, 'bnHAll', 'Leads');
		memory.lofty.push(lofty.rssMb);
		memory.http.push(http.rssMb);
		memory.base.push((await execute(n8n, 'bnBase', 'Nothing')).rssMb);
		say(`4. run ${i + 1}: Lofty ${fmt(lofty.rssMb, 0)} MB (${lofty.items} items), HTTP Request ${fmt(http.rssMb, 0)} MB (${http.items} pages), empty workflow ${fmt(memory.base.at(-1), 0)} MB`);
	}

	await sandbox.stop();
	rmSync(work, { recursive: true, force: true });

	const wallRatio = median(overhead.lofty.wall) / median(overhead.http.wall);
	const cpuRatio = median(overhead.lofty.cpu) / median(overhead.http.cpu);
	const routingNodeWall = median(overhead.routingNode.wall) / median(overhead.http.wall);
	const routingNodeCpu = median(overhead.routingNode.cpu) / median(overhead.http.cpu);
	const oneEngine = routingNodeWall <= 1.25 && routingNodeCpu <= 1.25;
	const memRatio = median(memory.lofty) / median(memory.http);
	const lines = [
		'# Benchmark results',
		'',
		`Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: n8n 2.41.1 on Node.js 24 (the pinned host), the package installed from its npm tarball, the Lofty sandbox on loopback. Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB. Timings are median (min–max) of ${RUNS} runs; "node time" is the execution time n8n records for the node, "process CPU" is user+system time of the \`n8n execute\` process (from /usr/bin/time) minus that of an empty workflow.`,
		'',
		`## 1. Rate-limit efficiency (sandbox limited to ${L} requests per ${W} s)`,
		'',
		'| Case | Requests | Theoretical minimum ceil(requests / L) × W | Node time ÷ minimum | 429s (windows) | Failed items | Goal |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		...limited.map(
			(row) =>
				`| ${row.label} | ${row.requests} | ${row.minimum} s | ${triple(row.ratio)} | ${triple(row.tooMany, 0)} (${row.windows}) | ${row.failed} | ratio ≤ 1.10, no failed item, ≤ 1 429 per window: ${row.ratio.median <= 1.1 && row.failed === 0 && row.tooMany.max <= row.windows ? 'met' : '**missed**'} |`,
		),
		'',
		'## 2. Request economy',
		'',
		'| Case | Items | Requests | Minimum | Goal (exactly the minimum, +1 only where the API gives no other way to know the end) |',
		'| --- | --- | --- | --- | --- |',
		...economy.map((row) => `| ${row.label} | ${row.items} | ${row.requests} | ${row.minimum} | ${row.requests === row.minimum ? 'met' : row.requests === row.minimum + 1 && row.label.includes('currentId') && row.items % 1000 === 0 ? 'met (+1: a full last page)' : '**missed**'}: ${row.note} |`),
		'',
		'## 3. Overhead against the HTTP Request node (2,000 "create note" items, no rate limit)',
		'',
		'| | Node time (s) | Process CPU (s) |',
		'| --- | --- | --- |',
		`| Lofty Note: Create | ${triple(stats(overhead.lofty.wall))} | ${triple(stats(overhead.lofty.cpu))} |`,
		`| Lofty Note: Create under n8n's RoutingNode (same descriptions) | ${triple(stats(overhead.routingNode.wall))} | ${triple(stats(overhead.routingNode.cpu))} |`,
		`| HTTP Request (header auth) | ${triple(stats(overhead.http.wall))} | ${triple(stats(overhead.http.cpu))} |`,
		`| Ratio, Lofty router ÷ HTTP Request (medians) | ${fmt(wallRatio)} | ${fmt(cpuRatio)} |`,
		`| Ratio, n8n's RoutingNode ÷ HTTP Request (medians) | ${fmt(routingNodeWall)} | ${fmt(routingNodeCpu)} |`,
		'',
		`Goal ≤ 1.25: wall ${wallRatio <= 1.25 ? 'met' : '**missed**'}, CPU ${cpuRatio <= 1.25 ? 'met' : '**missed**'}.`,
		'',
		oneEngine
			? "Decision: n8n's RoutingNode is within 1.25 of the HTTP Request node on the expression-free descriptions, so one engine is enough: n8n's."
			: `Decision: n8n's RoutingNode is ${fmt(routingNodeWall)}× (wall) and ${fmt(routingNodeCpu)}× (CPU) the HTTP Request node, over the 1.25 goal, so the Lofty router stays, narrowed to what it must run (nodes/shared/executor.ts).`,
		'',
		'## 4. Memory (Return All of 50,000 leads)',
		'',
		'| | Peak RSS of the n8n process (MB) |',
		'| --- | --- |',
		`| Lofty Lead: Get Many, Return All (scrollId, one item per lead) | ${triple(stats(memory.lofty), 0)} |`,
		`| HTTP Request with its own pagination (offset, one item per page of 100) | ${triple(stats(memory.http), 0)} |`,
		`| Empty workflow (the process itself) | ${triple(stats(memory.base), 0)} |`,
		`| Ratio (medians) | ${fmt(memRatio)} |`,
		'',
		`Goal ≤ 1.2: ${memRatio <= 1.2 ? 'met' : '**missed**'}.`,
		'',
	];
	const minutes = ((Date.now() - started) / 60000).toFixed(1);
	// Only a full run replaces the committed results.
	if ([1, 2, 3, 4].every((n) => only.includes(n))) {
		// Section 5 (queue mode) is written by the queue-mode suite: keep it.
		const file = join(ROOT, 'bench', 'results.md');
		const previous = readFileSync(file, 'utf8');
		const queue = previous.indexOf('\n## 5. Queue mode');
		writeFileSync(file, `${lines.join('\n')}${queue < 0 ? '' : `\n${previous.slice(queue + 1)}`}`);
		say(`\n${lines.join('\n')}\nWritten to bench/results.md in ${minutes} min.`);
	} else {
		say(`\n${lines.join('\n')}\nCases ${only.join(', ')} only, in ${minutes} min: bench/results.md left as it was.`);
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
