// The step runner the e2e and queue-mode suites share: argument parsing, one step after the
// other with PASS/FAIL and its time, diagnostics after a failure, a summary, a watchdog.
//
//   node <suite>/run.mjs [--only=step,step] [--skip=step,step] [--no-build]

import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { ARTIFACTS } from '../../scripts/lib/paths.mjs';
import { exitAfterCleanup, onShutdown } from '../../scripts/lib/proc.mjs';
import { Context } from './context.mjs';

function parseArgs(argv, steps) {
	const args = { only: undefined, skip: new Set(), build: true };
	for (const arg of argv) {
		const [key, value = ''] = arg.replace(/^--/, '').split('=');
		if (key === 'only') args.only = new Set(value.split(',').filter(Boolean));
		else if (key === 'skip') for (const id of value.split(',').filter(Boolean)) args.skip.add(id);
		else if (key === 'no-build') args.build = false;
		else throw new Error(`unknown argument ${arg}`);
	}
	for (const id of [...(args.only ?? []), ...args.skip]) {
		if (!steps.some((step) => step.id === id)) throw new Error(`unknown step "${id}"; steps: ${steps.map((s) => s.id).join(', ')}`);
	}
	return args;
}

export function formatSeconds(seconds) {
	return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s` : `${seconds.toFixed(1)}s`;
}

/**
 * Runs a suite. steps: [{id, issue, title, run(ctx)}]; `beforeStep(step, selected, ctx)`
 * may start background work; `close(ctx)` runs after the last step (and on an interrupt), before
 * the context stops its n8n instances and sandboxes. Artifacts go to test-artifacts/<name>.
 */
export function runSuite({ name, steps, timeoutMinutes, beforeStep = () => undefined, close = async () => undefined }) {
	async function main() {
		const args = parseArgs(process.argv.slice(2), steps);
		const started = Date.now();
		const dir = join(ARTIFACTS, name);
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		const ctx = new Context({ artifacts: dir, build: args.build });
		const closeAll = async () => {
			await close(ctx);
			await ctx.close();
		};
		onShutdown(closeAll);

		const selected = steps.filter((step) => !(args.only && !args.only.has(step.id)) && !args.skip.has(step.id));
		const results = [];
		for (const step of selected) {
			beforeStep(step, selected, ctx);
			process.stdout.write(`\n=== [${step.id}] (issue ${step.issue}) ${step.title}\n`);
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
				process.stdout.write(`FAIL ${step.id} after ${formatSeconds(seconds)}: ${error.stack ?? error.message}\n`);
				process.stdout.write(ctx.diagnostics());
			} else {
				process.stdout.write(`PASS ${step.id} in ${formatSeconds(seconds)}\n`);
			}
		}
		await closeAll();

		const total = (Date.now() - started) / 1000;
		const lines = ['', `=== ${name} summary`];
		for (const { step, seconds, error, notes } of results) {
			lines.push(`${error ? 'FAIL' : 'PASS'}  ${step.id.padEnd(8)} ${formatSeconds(seconds).padStart(7)}  ${step.title}`);
			for (const note of notes) lines.push(`                        ${note}`);
			if (error) lines.push(`                        error: ${String(error.message).split('\n')[0]}`);
		}
		for (const [what, seconds] of Object.entries(ctx.timings)) lines.push(`time: ${what}: ${formatSeconds(seconds)}`);
		lines.push(`total: ${formatSeconds(total)}; logs and screenshots in ${dir}`);
		const failed = results.filter((r) => r.error).length;
		lines.push(failed ? `${failed} of ${results.length} steps FAILED` : `all ${results.length} steps passed`);
		process.stdout.write(`${lines.join('\n')}\n`);
		return failed ? 1 : 0;
	}

	setTimeout(() => {
		process.stderr.write(`\n${name} suite still running after ${timeoutMinutes} minutes: giving up.\n`);
		void exitAfterCleanup(124);
	}, timeoutMinutes * 60_000).unref();

	main().then(
		(code) => exitAfterCleanup(code),
		(error) => {
			process.stderr.write(`${error.stack ?? error}\n`);
			return exitAfterCleanup(1);
		},
	);
}
