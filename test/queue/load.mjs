// The queue-mode load: executions started through a Webhook on the webhook processor, each
// creating 5 notes and reading a lead on one Lofty credential, and what the sandbox saw of it.

import { randomUUID } from 'node:crypto';

import { connectionOwner } from '../../scripts/lib/proc.mjs';
import { nodeOutput } from '../../scripts/lib/n8n.mjs';
import { coreNode, line, loftyNode } from '../e2e/workflows.mjs';
import { waitFor } from '../e2e/server.mjs';

export const LEAD_ID = 1000001;
export const NOTES_PER_EXECUTION = 5;
export const NOTE_NODE = 'Create Note';
export const LEAD_NODE = 'Read Lead';
const DONE = new Set(['success', 'error', 'crashed', 'canceled']);

/** Webhook (path) -> Split Out (the body's notes) -> Lofty Note › Create -> Lofty Lead › Get, once. */
export function loadWorkflow(id, path) {
	return line(id, `queue: ${path}`, [
		{ ...coreNode('Webhook', 'webhook', { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} }, [0, 0], 2), webhookId: randomUUID() },
		coreNode('Notes', 'splitOut', { fieldToSplitOut: 'body.notes', include: 'noOtherFields', options: {} }),
		loftyNode(NOTE_NODE, 'loftyNote', { resource: 'note', operation: 'create', leadId: '={{ $json.leadId }}', content: '={{ $json.content }}' }),
		{ ...loftyNode(LEAD_NODE, 'loftyLead', { resource: 'lead', operation: 'get', leadId: String(LEAD_ID) }), executeOnce: true },
	]);
}

/** The note texts of one execution of a load tagged `tag`. */
export function noteContents(tag, run) {
	return Array.from({ length: NOTES_PER_EXECUTION }, (_, i) => `${tag} run ${run} note ${i + 1}`);
}

/**
 * Tags every request the sandbox receives with the process that sent it (from the connection's
 * client port, read in /proc while the connection is open).
 */
export function tagSenders(sandbox, cluster) {
	const previous = sandbox.fake.onRequest;
	sandbox.fake.onRequest = (record) => {
		previous?.(record);
		const names = cluster.pidNames();
		const pid = record.remotePort === undefined ? undefined : connectionOwner(record.remotePort, [...names.keys()]);
		record.sender = pid === undefined ? 'other' : names.get(pid);
	};
}

/** Starts `count` executions at once by posting to the webhook processor; resolves the answers. */
export async function startLoad(webhook, path, tag, count) {
	const posts = Array.from({ length: count }, async (_, index) => {
		const run = index + 1;
		const response = await fetch(`${webhook.baseUrl}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ run, notes: noteContents(tag, run).map((content) => ({ leadId: LEAD_ID, content })) }),
		});
		return response.status;
	});
	return await Promise.all(posts);
}

/** Waits until `count` executions of the workflow have ended, or `timeoutMs`; resolves the summaries. */
export async function waitForExecutions(main, workflowId, count, { timeoutMs = 300_000, allowUnfinished = false } = {}) {
	try {
		return await waitFor(
			`${count} executions of ${workflowId} to end`,
			async () => {
				const list = await main.executions(workflowId, { limit: 100 });
				return list.length >= count && list.every((e) => DONE.has(e.status)) ? list : undefined;
			},
			{ timeoutMs, intervalMs: 1_000 },
		);
	} catch (error) {
		if (!allowUnfinished) throw error;
		return await main.executions(workflowId, { limit: 100 });
	}
}

/** Counts by status: {success: 38, crashed: 2}. */
export function statusCounts(executions) {
	const counts = {};
	for (const e of executions) counts[e.status] = (counts[e.status] ?? 0) + 1;
	return counts;
}

/** For each ended execution: its status, the worker that ran it, its note items and the node that failed. */
export async function executionDetails(main, cluster, executions) {
	const details = [];
	for (const summary of executions) {
		const execution = await main.execution(summary.id);
		const runData = execution.data?.resultData?.runData ?? {};
		const failedNode = Object.entries(runData).find(([, runs]) => runs.some((r) => r.error))?.[0];
		const error = execution.data?.resultData?.error;
		details.push({
			id: summary.id,
			status: summary.status,
			worker: cluster.workerOf(summary.id),
			notes: nodeOutput(execution.data, NOTE_NODE) ?? [],
			lead: nodeOutput(execution.data, LEAD_NODE) ?? [],
			failedNode: failedNode ?? error?.node?.name,
			error: error ? `${error.message}${error.description ? ` (${error.description})` : ''}` : undefined,
			startedAt: Date.parse(summary.startedAt ?? execution.startedAt),
			stoppedAt: Date.parse(summary.stoppedAt ?? execution.stoppedAt),
		});
	}
	return details;
}

/** Notes in the sandbox whose text starts with `tag`, and the texts stored more than once. */
export function storedNotes(sandbox, tag) {
	const notes = sandbox.fake.data.notes.filter((note) => typeof note.content === 'string' && note.content.startsWith(`${tag} `));
	const seen = new Map();
	for (const note of notes) seen.set(note.content, (seen.get(note.content) ?? 0) + 1);
	const twice = [...seen].filter(([, n]) => n > 1).map(([content, n]) => `${content} (×${n})`);
	return { notes, contents: new Set(seen.keys()), twice };
}

/**
 * What the rate limit saw of the requests received since `since` (index into fake.requests):
 * the windows (as the fake counted them), the 429s in each per sender, the wall time from the
 * first to the last answered request, and the bound: (ceil(served / limit) - 1) windows.
 */
export function rateLimitReport(sandbox, since) {
	const { limit, windowMs } = sandbox.fake.rateLimit;
	const requests = sandbox.fake.requests.slice(since).filter((r) => r.rateWindow !== undefined);
	const byStart = new Map();
	for (const request of requests) {
		if (!byStart.has(request.rateWindow)) byStart.set(request.rateWindow, { start: request.rateWindow, served: 0, rejected: {}, sequence: [] });
		const window = byStart.get(request.rateWindow);
		const who = request.sender ?? 'other';
		if (request.status === 429) window.rejected[who] = (window.rejected[who] ?? 0) + 1;
		else window.served += 1;
		window.sequence.push(`${who.replace('worker', 'w')}${request.status === 429 ? '×' : ''}@${request.at - window.start}`);
	}
	const windows = [...byStart.values()].sort((x, y) => x.start - y.start);
	const served = requests.filter((r) => r.status !== 429).length;
	const rejected = requests.length - served;
	const bySender = {};
	for (const request of requests) {
		const who = request.sender ?? 'other';
		bySender[who] ??= { sent: 0, rejected: 0 };
		bySender[who].sent += 1;
		if (request.status === 429) bySender[who].rejected += 1;
	}
	const maxPerWindow = {};
	const crowded = [];
	for (const [index, window] of windows.entries()) {
		for (const [who, n] of Object.entries(window.rejected)) maxPerWindow[who] = Math.max(maxPerWindow[who] ?? 0, n);
		// A window where a sender met more than one 429: which one, and its requests in order.
		if (Object.values(window.rejected).some((n) => n > 1)) crowded.push(`window ${index + 1}: ${window.sequence.join(' ')}`);
	}
	const wallMs = requests.length ? requests[requests.length - 1].at - requests[0].at : 0;
	const boundMs = Math.max(0, Math.ceil(served / limit) - 1) * windowMs;
	return {
		limit,
		windowMs,
		requests: requests.length,
		served,
		rejected,
		windows: windows.length,
		windowsWith429: windows.filter((w) => Object.keys(w.rejected).length).length,
		bySender,
		maxPerWindow,
		crowded,
		wallMs,
		boundMs,
		ratio: boundMs ? wallMs / boundMs : undefined,
	};
}
