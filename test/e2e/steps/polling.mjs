// Issue item 4: the Lofty Lead Trigger (polling) in a running n8n, through the example workflow
// examples/new-lead-note-task.json (new lead -> welcome note -> follow-up task). It is activated
// early (by the webhook step, so that n8n's minute-long poll interval overlaps the webhook and
// editor steps); a lead created in the sandbox after activation must start exactly one
// execution, which adds a note and a task to that lead; the next poll must not repeat it.

import assert from 'node:assert/strict';

import { nodeOutput } from '../../../scripts/lib/n8n.mjs';
import { createLead, finishedExecutions, serverSession, settled, waitFor } from '../server.mjs';

export const POLL_WORKFLOW_ID = 'loftyExNewLead';
const TRIGGER = 'New Lead in Lofty';
const POLL_LINE = /Poll trigger initiated for workflow "Lofty: new lead/;

/** Activates the polling workflow and creates a lead right after; resolves what happened when. */
export function startPolling(ctx) {
	return ctx.once('polling', async () => {
		const { n8n, sandbox } = await serverSession(ctx);
		const polls = [];
		const watcher = (text) => {
			if (POLL_LINE.test(text)) polls.push(Date.now());
		};
		n8n.log.listeners.add(watcher);
		const activated = Date.now();
		await n8n.activate(POLL_WORKFLOW_ID);
		await settled(n8n, POLL_WORKFLOW_ID);
		// Lofty's times have whole seconds: create the lead in the second after the activation's
		// poll, which marks where the trigger starts (see the report on same-second leads).
		await new Promise((resolve) => setTimeout(resolve, 1_100 - (Date.now() % 1_000)));
		const leadId = await createLead(sandbox, { firstName: 'Polly', lastName: 'Newlead', emails: ['polly.newlead@example.com'], source: 'Website' });
		return { n8n, activated, created: Date.now(), leadId, polls, watcher };
	});
}

/** Every execution of the polling workflow that holds the lead. */
async function executionsWith(n8n, leadId) {
	const hits = [];
	for (const summary of await finishedExecutions(n8n, POLL_WORKFLOW_ID)) {
		const execution = await n8n.execution(summary.id);
		const lead = (nodeOutput(execution.data, TRIGGER) ?? []).find((item) => Number(item.leadId) === leadId);
		if (lead) hits.push({ execution, lead });
	}
	return hits;
}

export async function pollingStep(ctx) {
	const { n8n, activated, created, leadId, polls, watcher } = await startPolling(ctx);
	ctx.use(n8n);
	const [hit] = await waitFor(`an execution with lead ${leadId}`, async () => {
		const hits = await executionsWith(n8n, leadId);
		return hits.length ? hits : undefined;
	}, { timeoutMs: 150_000, intervalMs: 2_000 });
	const emittedAfter = (Date.now() - created) / 1000;

	// One more scheduled poll must not emit the same lead again (the trigger's position is kept).
	const pollsSoFar = polls.length;
	await waitFor('the next scheduled poll', () => polls.length > pollsSoFar, { timeoutMs: 75_000, intervalMs: 500 });
	await new Promise((resolve) => setTimeout(resolve, 3_000));
	const hits = await executionsWith(n8n, leadId);
	n8n.log.listeners.delete(watcher);

	ctx.note(`polls at +${polls.map((t) => Math.round((t - activated) / 1000)).join(' s, +')} s after activation`);
	ctx.note(`lead ${leadId}, created right after activation -> execution ${hit.execution.id} (found ${emittedAfter.toFixed(0)} s after creation); ${hits.length} execution(s) hold it after the next poll`);
	assert.equal(hit.execution.status, 'success');
	assert.equal(hit.lead.firstName, 'Polly');
	assert.ok(hit.lead.changedAt, 'the item says when the lead was created');
	const { sandbox } = await serverSession(ctx);
	const notes = sandbox.fake.data.notes.filter((note) => note.leadId === leadId && !note.deleted);
	const tasks = [...sandbox.lib.tasksOf(sandbox.fake.data).tasks.values()].filter((task) => task.leadId === leadId);
	ctx.note(`the example added note "${notes[0]?.content}" and task "${tasks[0]?.content}" (${tasks[0]?.type}, due ${tasks[0] ? new Date(tasks[0].deadline).toISOString() : '-'})`);
	assert.equal(notes.length, 1, 'the example added one note to the new lead');
	assert.match(notes[0].content, /New lead Polly Newlead from Website/);
	assert.equal(tasks.length, 1, 'the example created one task for the new lead');
	assert.match(tasks[0].content, /Call Polly Newlead within 24 hours/);
	const ranAt = Date.parse(hit.execution.startedAt ?? hit.execution.createdAt);
	assert.ok(Math.abs(tasks[0].deadline - (ranAt + 24 * 3_600_000)) < 10 * 60_000, 'due 24 hours after the run');
	assert.equal(hits.length, 1, 'the next poll does not emit the lead again');
	await n8n.deactivate(POLL_WORKFLOW_ID);
	await settled(n8n, POLL_WORKFLOW_ID);
}
