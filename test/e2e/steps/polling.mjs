// Issue item 4: the Lofty Lead Trigger (polling) in a running n8n. Its workflow is activated
// early (by the webhook step, so the minute-long poll interval overlaps other steps); a lead
// created in the sandbox after n8n's first scheduled poll must start an execution holding it.

import assert from 'node:assert/strict';

import { nodeOutput } from '../../../scripts/lib/n8n.mjs';
import { POLL_WORKFLOW_ID, createLead, finishedExecutions, serverSession, settled, waitFor } from '../server.mjs';

const POLL_LINE = /Poll trigger initiated for workflow "e2e: Lofty Lead Trigger/;

/** Activates the polling workflow and, in the background, creates leads around its polls. */
export function startPolling(ctx) {
	return ctx.once('polling', async () => {
		const { n8n, sandbox } = await serverSession(ctx);
		const activated = Date.now();
		const polls = [];
		const watcher = (text) => {
			if (POLL_LINE.test(text)) polls.push(Date.now());
		};
		n8n.log.listeners.add(watcher);
		await n8n.activate(POLL_WORKFLOW_ID);
		await settled(n8n, POLL_WORKFLOW_ID);
		// Lead A: right after activation (before any scheduled poll).
		const early = await createLead(sandbox, { firstName: 'Early', lastName: 'Poller', emails: ['early.poller@example.com'] });
		const background = (async () => {
			// Lead B: after the first scheduled poll that follows the activation.
			const firstScheduled = await waitFor('a scheduled poll after activation', () => polls.find((t) => t > activated + 2_000), { timeoutMs: 130_000, intervalMs: 250 });
			await new Promise((resolve) => setTimeout(resolve, 1_500));
			const late = await createLead(sandbox, { firstName: 'Late', lastName: 'Poller', emails: ['late.poller@example.com'] });
			return { firstScheduled, late, lateAt: Date.now() };
		})();
		background.catch(() => undefined);
		return { n8n, sandbox, activated, early, background, polls, watcher };
	});
}

export async function pollingStep(ctx) {
	const { n8n, activated, early, background, polls, watcher } = await startPolling(ctx);
	ctx.use(n8n);
	const { firstScheduled, late, lateAt } = await background;
	const found = await waitFor(
		`an execution with lead ${late}`,
		async () => {
			const leads = new Map();
			for (const summary of await finishedExecutions(n8n, POLL_WORKFLOW_ID)) {
				const execution = await n8n.execution(summary.id);
				for (const lead of nodeOutput(execution.data, 'New Lead') ?? []) leads.set(Number(lead.leadId), { execution, lead });
			}
			return leads.has(late) ? leads : undefined;
		},
		{ timeoutMs: 150_000, intervalMs: 3_000 },
	);
	n8n.log.listeners.delete(watcher);
	const hit = found.get(late);
	const seconds = (Date.now() - lateAt) / 1000;
	ctx.note(`polls seen at +${polls.map((t) => ((t - activated) / 1000).toFixed(0)).join('s, +')}s after activation`);
	ctx.note(`lead ${late} (created after the first scheduled poll, +${((firstScheduled - activated) / 1000).toFixed(0)} s) -> execution ${hit.execution.id} within ${seconds.toFixed(0)} s`);
	ctx.note(
		found.has(early)
			? `lead ${early}, created right after activation, was emitted too`
			: `lead ${early}, created right after activation (before the first scheduled poll), was not emitted: the first scheduled poll set the starting point`,
	);
	assert.equal(hit.lead.firstName, 'Late');
	assert.ok(hit.lead.changedAt, 'the item says when the lead changed');
	assert.equal(hit.execution.status, 'success');
	assert.equal(nodeOutput(hit.execution.data, 'Got Lead')?.length >= 1, true, 'the lead flowed on to the next node');
	const duplicates = [...found.keys()].filter((id) => id === late).length;
	assert.equal(duplicates, 1);
	await n8n.deactivate(POLL_WORKFLOW_ID);
}
