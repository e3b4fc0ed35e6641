// End-to-end suite: the package in a real, pinned n8n (see test/e2e/README.md).
//
//   node test/e2e/run.mjs [--only=step,step] [--skip=step,step] [--no-build]
//
// Steps run in the order below; each prints PASS/FAIL with its time, and a failing step prints
// the tail of n8n's log and the sandbox's request log. The exit code is 0 only if every step
// that ran passed. Logs and the editor screenshot go to test-artifacts/.

import { runSuite } from './runner.mjs';
import { aiAgentStep } from './steps/ai-agent.mjs';
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
	{ id: 'ai-agent', issue: '21', title: 'AI Agent 3.1 in n8n 2.41.1 with a scripted OpenAI model: a Lofty tool filled by $fromAI sends exactly its request, the model gets the result; a bad argument gets a clear error, nothing sent', run: aiAgentStep },
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

runSuite({
	name: 'e2e',
	steps: STEPS,
	timeoutMinutes: Number(process.env.E2E_TIMEOUT_MINUTES ?? 45),
	// n8n 1.x is installed (on first use) in the background while the running-n8n steps
	// mostly wait (for webhooks, the browser and the one-minute poll).
	beforeStep(step, selected, ctx) {
		if (step.id !== 'webhook') return;
		const wanted = [[N8N1, 'n8n1'], [N8N_OLDEST, 'n8n-oldest']].filter(([, id]) => selected.some((s) => s.id === id));
		wanted.reduce((previous, [version]) => previous.then(() => ctx.host(version)).catch(() => undefined), Promise.resolve());
	},
});
