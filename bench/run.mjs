// Benchmark: the Lofty nodes inside a real n8n 2.41.1 against the Lofty sandbox on loopback,
// side by side with n8n's own HTTP Request node. Writes bench/results.md.
//
//   npm run bench                 (BENCH_RUNS=3 by default: every timing is the median of 3 runs)
//   BENCH_CASES=3,6 npm run bench  only those cases; only their sections of results.md are replaced
//
// Smaller runs while developing: BENCH_NOTES (case 3's items, 2000), BENCH_LIMITED_ITEMS (case 6's
// items per row, 500), BENCH_LIMIT (case 6's limit, 50/6s: Lofty's 500 a minute scaled down ten
// times in time; 500/60s runs it at full scale). BENCH_NOTE adds a sentence to every section
// written (e.g. what else the machine was running).
//
// Each workflow runs through `n8n execute` under /usr/bin/time, which reports the n8n process's
// CPU time and peak RSS; the node's own time comes from the run data n8n records.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { ensureHost } from '../scripts/n8n-host.mjs';
import { N8n, findRun } from '../scripts/lib/n8n.mjs';
import { buildPackage, installTarball, packPackage } from '../scripts/lib/package.mjs';
import { ROOT } from '../scripts/lib/paths.mjs';
import { freePort, run } from '../scripts/lib/proc.mjs';
import { parseRateLimit, startSandbox } from '../scripts/sandbox.mjs';
import { coreNode, credentialRecord, line, loftyNode, manualTrigger } from '../test/e2e/workflows.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const NOTES = Number(process.env.BENCH_NOTES ?? 2000);
const LIMITED_ITEMS = Number(process.env.BENCH_LIMITED_ITEMS ?? 500);
// Lofty's fastest documented limit is 500 requests a minute; 50 per 6 s is the same rate with
// windows ten times shorter, so a run spans ten windows in under a minute.
const FASTEST_LIMIT = parseRateLimit(process.env.BENCH_LIMIT ?? '50/6s');
/** Node CPU per item may use a tenth of the 120 ms between requests at 500 a minute. */
const CPU_PER_ITEM_GOAL_MS = 12;
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
	// With "On Error: Continue", a failed item comes out carrying its error.
	const failed = items.filter((item) => item.error !== undefined || item.json?.error !== undefined).length;
	return { ...measures, nodeSeconds: task.executionTime / 1000, nodeStartedAt: task.startTime, items: items.length, failed };
}

function httpNode(name, parameters) {
	const node = coreNode(name, 'httpRequest', { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth', ...parameters }, [0, 0], 4.2);
	node.credentials = { httpHeaderAuth: HEADER_CREDENTIAL };
	return node;
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
	const sandbox = await startSandbox({ apiKey: API_KEY, seed: 'none' });
	const { fake } = sandbox;
	// No limit but where a case sets one (startSandbox's default is Lofty's 100 a minute).
	fake.setRateLimit(undefined);
	const userFolder = join(work, 'n8n');
	await installTarball(pack.tarball, userFolder);
	const n8n = new N8n({ version: '2.41.1', userFolder, port: await freePort(), logFile: join(work, 'n8n.log') });
	await n8n.pickBrokerPort();
	await n8n.importCredentials([
		credentialRecord(sandbox.baseUrl, API_KEY),
		{ id: HEADER_CREDENTIAL.id, name: HEADER_CREDENTIAL.name, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `token ${API_KEY}` } },
	]);

	const notesLine = (id, name, count, node) => line(id, name, [manualTrigger(), itemsNode(count, '{ leadId: "1000001", content: `Note ${i}` }'), node]);
	const loftyNote = (extra = {}) => ({
		...loftyNode('Notes', 'loftyNote', { resource: 'note', operation: 'create', leadId: '={{ $json.leadId }}', content: '={{ $json.content }}' }),
		...extra,
	});
	// The rate-limited rows let a failed item out as an item (n8n's "On Error: Continue"), so
	// they count failures instead of ending at the first.
	const continueOnError = { onError: 'continueRegularOutput' };
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
		loftyNotes: notesLine('bnLNotes', `bench: Lofty Note x${NOTES}`, NOTES, loftyNote()),
		httpNotes: notesLine(
			'bnHNotes',
			`bench: HTTP Request x${NOTES}`,
			NOTES,
			httpNode('Notes', {
				method: 'POST',
				url: `${sandbox.baseUrl}/v1.0/notes`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ leadId: $json.leadId, content: $json.content }) }}',
				options: {},
			}),
		),
		limitedNotes: notesLine('bnRNotes', `bench: Lofty Note x${LIMITED_ITEMS}, rate-limited`, LIMITED_ITEMS, loftyNote(continueOnError)),
		limitedGets: line('bnRGets', `bench: Lofty Lead Get x${LIMITED_ITEMS}, rate-limited`, [
			manualTrigger(),
			itemsNode(LIMITED_ITEMS, '{ leadId: "1000001" }'),
			{ ...loftyNode('Lead', 'loftyLead', { resource: 'lead', operation: 'get', leadId: '={{ $json.leadId }}' }), ...continueOnError },
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

	// BENCH_CASES=3,6 runs only some cases; only their sections of results.md are replaced.
	const ALL_CASES = [1, 2, 3, 4, 6];
	const only = (process.env.BENCH_CASES ?? ALL_CASES.join(',')).split(',').map(Number);
	const loads = {};
	const measure = async (n, body) => {
		if (!only.includes(n)) return;
		const start = loadavg()[0];
		await body();
		loads[n] = { start, end: loadavg()[0] };
	};

	// 1. Rate-limit efficiency ------------------------------------------------------------
	const L = 10;
	const W = 2;
	const limited = [];
	await measure(1, async () => {
		for (const [label, workflowId, node, prepare] of [
			['Return All of 2,000 leads', 'bnAll', 'Leads', () => resetLeads(2000)],
			['300 single-item creates', 'bnCreate', 'Create', () => resetLeads(0)],
		]) {
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
	});

	// 2. Request economy ------------------------------------------------------------------
	const economy = [];
	await measure(2, async () => {
		for (const count of [0, 1, 99, 100, 101, 10_000]) {
			resetLeads(count);
			fake.clearRequests();
			const result = await execute(n8n, 'bnAll', 'Leads');
			const made = api().length;
			const items = Number.isNaN(result.items) ? count : result.items;
			economy.push({ label: `Return All of ${count.toLocaleString('en-US')} leads`, items, requests: made, minimum: Math.max(1, Math.ceil(count / 100)), note: 'leads search, 100 per page, stops by _metadata.total' });
			say(`2. ${count} leads: ${made} requests, ${result.items} items`);
		}
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
	});

	// The empty workflow's process CPU: what n8n costs before any node runs.
	resetLeads(0);
	fake.data.addLead({ firstName: 'Bench' }, 1000001);
	const base = [];
	for (let i = 0; i < (only.includes(3) || only.includes(6) ? RUNS : 0); i++) base.push((await execute(n8n, 'bnBase', 'Nothing')).cpuSeconds);
	const baseCpu = median(base);
	/** Node CPU per item in ms: the process's CPU less the empty workflow's, over the items. */
	const cpuPerItem = (cpuSeconds, items) => ((cpuSeconds - baseCpu) * 1000) / items;

	// 3. Overhead against the HTTP Request node --------------------------------------------
	const overhead = { lofty: { wall: [], cpu: [] }, http: { wall: [], cpu: [] } };
	await measure(3, async () => {
		for (let i = 0; i < RUNS; i++) {
			for (const [key, workflowId] of [
				['lofty', 'bnLNotes'],
				['http', 'bnHNotes'],
			]) {
				const result = await executeReadable(n8n, workflowId, 'Notes', (run) => {
					const requests = api().length;
					fake.clearRequests();
					return run.items === NOTES && requests === NOTES ? undefined : `${run.items} items, ${requests} requests`;
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
	});

	// 4. Memory -----------------------------------------------------------------------------
	const memory = { lofty: [], http: [], base: [] };
	await measure(4, async () => {
		resetLeads(50_000);
		for (let i = 0; i < Math.min(RUNS, 2); i++) {
			const lofty = await execute(n8n, 'bnAll', 'Leads');
			const http = await execute(n8n, 'bnHAll', 'Leads');
			memory.lofty.push(lofty.rssMb);
			memory.http.push(http.rssMb);
			memory.base.push((await execute(n8n, 'bnBase', 'Nothing')).rssMb);
			say(`4. run ${i + 1}: Lofty ${fmt(lofty.rssMb, 0)} MB (${lofty.items} items), HTTP Request ${fmt(http.rssMb, 0)} MB (${http.items} pages), empty workflow ${fmt(memory.base.at(-1), 0)} MB`);
		}
	});

	// 6. Lofty's fastest limit --------------------------------------------------------------
	const fastest = [];
	const { limit: FL, windowMs: FW } = FASTEST_LIMIT;
	await measure(6, async () => {
		resetLeads(0);
		fake.data.addLead({ firstName: 'Bench' }, 1000001);
		for (const [label, workflowId, node, method, path] of [
			[`${LIMITED_ITEMS} Lofty Note creates (POST, never retried but on a 429)`, 'bnRNotes', 'Notes', 'POST', '/v1.0/notes'],
			[`${LIMITED_ITEMS} Lofty Lead gets (GET)`, 'bnRGets', 'Lead', 'GET', '/v1.0/leads/1000001'],
		]) {
			const row = { label, ratio: [], tooMany: [], failed: [], cpu: [], first: [], requests: 0, bound: 0 };
			for (let i = 0; i < RUNS; i++) {
				fake.data.notes.splice(0);
				fake.setRateLimit({ ...FASTEST_LIMIT });
				fake.clearRequests();
				const result = await execute(n8n, workflowId, node);
				const calls = api().filter((r) => r.method === method && r.path === path);
				const answered = calls.filter((r) => r.status !== 429);
				const ok = answered.filter((r) => r.status >= 200 && r.status < 300).length;
				// The last window opens (windows - 1) × W after the first request: nothing can end sooner.
				const bound = ((Math.ceil(answered.length / FL) - 1) * FW) / 1000;
				row.requests = answered.length;
				row.bound = bound;
				row.ratio.push(result.nodeSeconds / bound);
				row.tooMany.push(calls.length - answered.length);
				row.failed.push(Math.max(result.failed ?? 0, LIMITED_ITEMS - ok, Number.isNaN(result.items) ? 0 : LIMITED_ITEMS - result.items));
				row.cpu.push(cpuPerItem(result.cpuSeconds, LIMITED_ITEMS));
				// Where the time beyond the bound goes: before the first request, and after the last window opened.
				const first = (calls[0]?.at - result.nodeStartedAt) / 1000;
				const last = (calls.at(-1)?.at - result.nodeStartedAt) / 1000;
				row.first.push(first);
				say(`6. ${label}: run ${i + 1}: node ${fmt(result.nodeSeconds)} s (bound ${fmt(bound, 0)} s; first request at ${fmt(first)} s, last at ${fmt(last)} s), ${row.tooMany.at(-1)} 429s, ${row.failed.at(-1)} failed, CPU ${fmt(row.cpu.at(-1), 1)} ms/item`);
			}
			fastest.push(row);
		}
		fake.setRateLimit(undefined);
	});

	await sandbox.stop();
	rmSync(work, { recursive: true, force: true });

	const today = new Date().toISOString().slice(0, 10);
	const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
	const fullRun = ALL_CASES.every((n) => only.includes(n));
	/** What a section says about its own run: when, how, and how busy the machine was. */
	const measured = (n) => {
		const load = loads[n];
		const command = fullRun ? '`npm run bench`' : `\`BENCH_CASES=${only.join(',')} npm run bench\``;
		const note = process.env.BENCH_NOTE ? ` ${process.env.BENCH_NOTE.trim()}` : '';
		return `Measured on ${today} with ${command}, median (min–max) of ${RUNS} runs; load average ${fmt(load.start, 1)} at the start and ${fmt(load.end, 1)} at the end, on ${cpus().length} cores.${note}`;
	};

	const sections = {};
	if (only.includes(1)) {
		sections[1] = [
			`## 1. Rate-limit efficiency (sandbox limited to ${L} requests per ${W} s)`,
			'',
			measured(1),
			'',
			'| Case | Requests | Theoretical minimum ceil(requests / L) × W | Node time ÷ minimum | 429s (windows) | Failed items | Goal |',
			'| --- | --- | --- | --- | --- | --- | --- |',
			...limited.map(
				(row) =>
					`| ${row.label} | ${row.requests} | ${row.minimum} s | ${triple(row.ratio)} | ${triple(row.tooMany, 0)} (${row.windows}) | ${row.failed} | ratio ≤ 1.10, no failed item, ≤ 1 429 per window: ${row.ratio.median <= 1.1 && row.failed === 0 && row.tooMany.max <= row.windows ? 'met' : '**missed**'} |`,
			),
		];
	}
	if (only.includes(2)) {
		sections[2] = [
			'## 2. Request economy',
			'',
			measured(2),
			'',
			'| Case | Items | Requests | Minimum | Goal (exactly the minimum, +1 only where the API gives no other way to know the end) |',
			'| --- | --- | --- | --- | --- |',
			...economy.map((row) => `| ${row.label} | ${row.items} | ${row.requests} | ${row.minimum} | ${row.requests === row.minimum ? 'met' : row.requests === row.minimum + 1 && row.label.includes('currentId') && row.items % 1000 === 0 ? 'met (+1: a full last page)' : '**missed**'}: ${row.note} |`),
		];
	}
	if (only.includes(3)) {
		const wallRatio = median(overhead.lofty.wall) / median(overhead.http.wall);
		const cpuRatio = median(overhead.lofty.cpu) / median(overhead.http.cpu);
		const perItem = (key) => triple(stats(overhead[key].cpu.map((cpu) => (cpu * 1000) / NOTES)), 1);
		const loftyPerItem = (median(overhead.lofty.cpu) * 1000) / NOTES;
		sections[3] = [
			`## 3. Overhead against the HTTP Request node (${NOTES.toLocaleString('en-US')} "create note" items, no rate limit)`,
			'',
			measured(3),
			'',
			"Lofty Note runs on n8n's own RoutingNode, the one engine since issue 21, on the descriptions as they are now. Node CPU per item is the process CPU less the empty workflow's, divided by the items.",
			'',
			'| | Node time (s) | Process CPU (s) | Node CPU per item (ms) |',
			'| --- | --- | --- | --- |',
			`| Lofty Note: Create (n8n's RoutingNode) | ${triple(stats(overhead.lofty.wall))} | ${triple(stats(overhead.lofty.cpu))} | ${perItem('lofty')} |`,
			`| HTTP Request (header auth) | ${triple(stats(overhead.http.wall))} | ${triple(stats(overhead.http.cpu))} | ${perItem('http')} |`,
			`| Ratio, Lofty Note ÷ HTTP Request (medians) | ${fmt(wallRatio)} | ${fmt(cpuRatio)} | |`,
			'| History (2026-12-02, replaced by the row above): RoutingNode on the old layout ÷ HTTP Request | 2.38 | 1.69 | |',
			"| History (2026-12-02): the package's own router, since removed, ÷ HTTP Request | 0.89 | 0.78 | |",
			'',
			`Goals: the no-limit ratio, aim ≤ 1.5: wall ${wallRatio <= 1.5 ? 'met' : '**missed**'}, CPU ${cpuRatio <= 1.5 ? 'met' : '**missed**'}; node CPU per item under ${CPU_PER_ITEM_GOAL_MS} ms (a tenth of the 120 ms between requests at 500 a minute): ${fmt(loftyPerItem, 1)} ms, ${loftyPerItem < CPU_PER_ITEM_GOAL_MS ? 'met' : '**missed**'}.`,
		];
	}
	if (only.includes(4)) {
		const memRatio = median(memory.lofty) / median(memory.http);
		sections[4] = [
			'## 4. Memory (Return All of 50,000 leads)',
			'',
			measured(4),
			'',
			'| | Peak RSS of the n8n process (MB) |',
			'| --- | --- |',
			`| Lofty Lead: Get Many, Return All (scrollId, one item per lead) | ${triple(stats(memory.lofty), 0)} |`,
			`| HTTP Request with its own pagination (offset, one item per page of 100) | ${triple(stats(memory.http), 0)} |`,
			`| Empty workflow (the process itself) | ${triple(stats(memory.base), 0)} |`,
			`| Ratio (medians) | ${fmt(memRatio)} |`,
			'',
			`Goal ≤ 1.2: ${memRatio <= 1.2 ? 'met' : '**missed**'}.`,
		];
	}
	if (only.includes(6)) {
		const perMinute = (FL * 60_000) / FW;
		const scale = perMinute === 500 && FW !== 60_000 ? ` (Lofty's 500 a minute in windows ${60_000 / FW} times shorter, the same 120 ms per request)` : '';
		sections[6] = [
			`## 6. Lofty's fastest limit: sandbox limited to ${FL} requests per ${fmt(FW / 1000, 0)} s${scale}`,
			'',
			measured(6),
			'',
			`One execution of ${LIMITED_ITEMS} items against a fresh window (each \`n8n execute\` is a new process, so the throttle starts knowing nothing). The bound is when the last window opens, (ceil(requests / L) - 1) × W after the first request: no run can end sooner. The node's time also holds what comes before the first request: RoutingNode builds every item's request before it sends any. Failed items: the items that came out with an error (the node continues on error) or whose request Lofty did not answer with a 2xx.`,
			'',
			'| Case | Requests answered | Bound | Node time ÷ bound | First request after (s) | 429s | Failed items | Node CPU per item (ms) | Goal: ≤ 1.05, no failed item |',
			'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
			...fastest.map((row) => {
				const ratio = stats(row.ratio);
				const failed = Math.max(...row.failed);
				return `| ${row.label} | ${row.requests} | ${fmt(row.bound, 0)} s | ${triple(ratio)} | ${triple(stats(row.first))} | ${triple(stats(row.tooMany), 0)} | ${failed} | ${triple(stats(row.cpu), 1)} | ${ratio.median <= 1.05 && failed === 0 ? 'met' : '**missed**'} |`;
			}),
		];
	}

	const minutes = ((Date.now() - started) / 60000).toFixed(1);
	const written = Object.keys(sections).map(Number);
	const header = fullRun
		? `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.mjs) on ${today}: n8n 2.41.1 on Node.js 24 (the pinned host), the package installed from its npm tarball, the Lofty sandbox on loopback. Machine: ${machine}. Timings are median (min–max) of ${RUNS} runs; "node time" is the execution time n8n records for the node, "process CPU" is user+system time of the \`n8n execute\` process (from /usr/bin/time) minus that of an empty workflow. Section 5 is written by the queue-mode suite.\n`
		: undefined;
	const text = Object.values(sections).map((section) => section.join('\n')).join('\n\n');
	// Development runs (smaller counts) print their tables but leave the committed results alone.
	const defaults = !['BENCH_NOTES', 'BENCH_LIMITED_ITEMS', 'BENCH_LIMIT'].some((name) => process.env[name] !== undefined);
	if (defaults && written.length) {
		const file = join(ROOT, 'bench', 'results.md');
		writeFileSync(file, replaceSections(readFileSync(file, 'utf8'), header, sections));
		say(`\n${text}\n\nSections ${written.join(', ')} written to bench/results.md in ${minutes} min.`);
	} else {
		say(`\n${text}\n\nCases ${only.join(', ')} in ${minutes} min, with development settings: bench/results.md left as it was.`);
	}
}

/**
 * results.md with the given sections ("## <n>. ..." up to the next "## ") replaced or added in
 * their numeric place, the others (section 5, the queue suite's, among them) kept as they are.
 * The header (before the first section) is replaced only when one is given.
 */
function replaceSections(previous, header, sections) {
	const parts = previous.split(/\n(?=## )/);
	const kept = new Map();
	for (const part of parts.slice(1)) {
		const n = Number(/^## (\d+)\./.exec(part)?.[1]);
		if (Number.isFinite(n)) kept.set(n, part.trimEnd());
	}
	for (const [n, lines] of Object.entries(sections)) kept.set(Number(n), lines.join('\n'));
	const body = [...kept].sort((a, b) => a[0] - b[0]).map(([, part]) => part);
	return `${[(header ?? parts[0]).trimEnd(), ...body].join('\n\n')}\n`;
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
