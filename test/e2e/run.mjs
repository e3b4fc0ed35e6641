// End-to-end suite: the package in a real, pinned n8n (see test/e2e/README.md).
//
//   node test/e2e/run.mjs [--only=step,step] [--skip=step,step] [--no-build]
//
// Steps run in the order below; each prints PASS/FAIL with its time, and a failing step prints
// the tail of n8n's log and the sandbox's request log. The exit code is 0 only if every step
// that ran passed. Logs and the editor screenshot go to test-artifacts/.

import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { ARTIFACTS } from '../../scripts/lib/paths.mjs';
import { exitAfterCleanup, onShutdown } from '../../scripts/lib/proc.mjs';
import { Context } from './context.mjs';
import { editorStep } from './steps/editor.mjs';
import { httpRequestStep } from './steps/http-request.mjs';
import { N8N1, N8N_OLDEST, n8nOneStep } from './steps/n8n-one.mjs';
import { nodesStep } from './steps/nodes.mjs';
import { oauthEditorStep, oauthStep } from './steps/oauth.mjs';
import { packageStep } from './steps/package.mjs';
import { pagingStep } from './steps/paging.mjs';
import { pollingStep } from './steps/polling.mjs';
import { schemasStep } from './steps/schemas.mjs';
import { startStep } from './steps/start.mjs';
import { restartStep, webhookStep } from './steps/webhook.mjs';

/** Execution order. `issue` is the item of the e2e issue a step covers. */
const STEPS = [
	{ id: 'package', issue: 'publishing', title: 'npm pack file list, packed tarball, community-package scanner rules', run: packageStep },
	{ id: 'nodes', issue: '1', title: 'one operation of every node, run by n8n 2.41.1', run: nodesStep },
	{ id: 'http-request', issue: '12', title: 'HTTP Request node with the Lofty API credential: Authorization and vendorKey as the sandbox receives them', run: httpRequestStep },
	{ id: 'schemas', issue: '12', title: 'output schemas served by n8n 2.41.1 at /schemas/<node type>/1.0.0/<resource>/<operation>.json', run: schemasStep },
	{ id: 'start', issue: '13', title: 'npm start: one instance per state folder, port checks, webhook example, --reset, SIGTERM/SIGINT/SIGHUP', run: startStep },
	{ id: 'paging', issue: '2', title: 'Get Many leads, Return All: 1,000 leads at 5 requests a second', run: pagingStep },
	{ id: 'webhook', issue: '3', title: 'Lofty Trigger in a running n8n: subscribe, event, secret, deactivate', run: webhookStep },
	{ id: 'editor', issue: '5', title: 'editor in headless Chromium: nodes, icons, operations, screenshot', run: editorStep },
	{ id: 'oauth', issue: '16', title: 'OAuth2 "Connect my account" in a running n8n: consent, code exchange, node run, one refresh, bad paths, no secrets in the log', run: oauthStep },
	{ id: 'oauth-editor', issue: '16', title: 'editor in headless Chromium: Connect my account, Allow in the sandbox, connected', run: oauthEditorStep },
	{ id: 'polling', issue: '4', title: 'Lofty Lead Trigger polls a running n8n for a new lead', run: pollingStep },
	{ id: 'restart', issue: '3', title: 'restarting n8n keeps one subscription (publication outbox on and off)', run: restartStep },
	{ id: 'n8n1', issue: '6', title: 'smoke on n8n 1.123.0 (Node.js 20)', run: n8nOneStep },
	{ id: 'n8n-oldest', issue: '12', title: `smoke on n8n ${N8N_OLDEST} (Node.js 20), the oldest installable at or above the minimum`, run: (ctx) => n8nOneStep(ctx, N8N_OLDEST) },
];

function parseArgs(argv) {
	const args = { only: undefined, skip: new Set(), build: true };
	for (const arg of argv) {
		const [key, value = ''] = arg.replace(/^--/, '').split('=');
		if (key === 'only') args.only = new Set(value.split(',').filter(Boolean));
		else if (key === 'skip') for (const id of value.split(',').filter(Boolean)) args.skip.add(id);
		else if (key === 'no-build') args.build = false;
		else throw new Error(`unknown argument ${arg}`);
	}
	for (const id of [...(args.only ?? []), ...args.skip]) {
		if (!STEPS.some((step) => step.id === id)) throw new Error(`unknown step "${id}"; steps: ${STEPS.map((s) => s.id).join(', ')}`);
	}
	return args;
}

function format(seconds) {
	return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s` : `${seconds.toFixed(1)}s`;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const dir = join(ARTIFACTS, 'e2e');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const ctx = new Context({ artifacts: dir, build: args.build });
	onShutdown(() => ctx.close());

	const selected = STEPS.filter((step) => !(args.only && !args.only.has(step.id)) && !args.skip.has(step.id));
	const results = [];
	for (const step of selected) {
		// n8n 1.x is installed (on first use) in the background while the running-n8n steps
		// mostly wait (for webhooks, the browser and the one-minute poll).
		if (step.id === 'webhook') {
			const wanted = [[N8N1, 'n8n1'], [N8N_OLDEST, 'n8n-oldest']].filter(([, id]) => selected.some((s) => s.id === id));
			wanted.reduce((previous, [version]) => previous.then(() => ctx.host(version)).catch(() => undefined), Promise.resolve());
		}
		const label = `[${step.id}] (issue ${step.issue}) ${step.title}`;
		process.stdout.write(`\n=== ${label}\n`);
		const stepStarted = Date.now();
		ctx.beginStep(step.id);
		let error;
		try {
			await step.run(ctx);
		} catch (caught) {
			error = caught;
		}
		const seconds = (Date.now() - stepStarted) / 1000;
		const notes = ctx.endStep();
		results.push({ step, seconds, error, notes });
		if (error) {
			process.stdout.write(`FAIL ${step.id} after ${format(seconds)}: ${error.stack ?? error.message}\n`);
			process.stdout.write(ctx.diagnostics());
		} else {
			process.stdout.write(`PASS ${step.id} in ${format(seconds)}\n`);
		}
	}
	await ctx.close();

	const total = (Date.now() - started) / 1000;
	const lines = ['', '=== e2e summary'];
	for (const { step, seconds, error, notes } of results) {
		lines.push(`${error ? 'FAIL' : 'PASS'}  ${step.id.padEnd(8)} ${format(seconds).padStart(7)}  ${step.title}`);
		for (const note of notes) lines.push(`                        ${note}`);
		if (error) lines.push(`                        error: ${String(error.message).split('\n')[0]}`);
	}
	for (const [what, seconds] of Object.entries(ctx.timings)) lines.push(`time: ${what}: ${format(seconds)}`);
	lines.push(`total: ${format(total)}; logs and screenshots in ${dir}`);
	const failed = results.filter((r) => r.error).length;
	lines.push(failed ? `${failed} of ${results.length} steps FAILED` : `all ${results.length} steps passed`);
	process.stdout.write(`${lines.join('\n')}\n`);
	return failed ? 1 : 0;
}

const watchdogMinutes = Number(process.env.E2E_TIMEOUT_MINUTES ?? 45);
setTimeout(() => {
	process.stderr.write(`\ne2e suite still running after ${watchdogMinutes} minutes: giving up.\n`);
	void exitAfterCleanup(124);
}, watchdogMinutes * 60_000).unref();

main().then(
	(code) => exitAfterCleanup(code),
	(error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		return exitAfterCleanup(1);
	},
);
