// A scripted OpenAI-compatible model on loopback for the AI Agent step: it answers
// POST /v1/chat/completions (plain JSON or, when asked, server-sent events) with what the step's
// script returns for the request, and records every request it received.

import { createServer } from 'node:http';

const MAX_BODY = 5_000_000;

/** The answer as one chat.completion message: a tool call or text. */
function message(answer) {
	if (answer.toolCall) {
		const { id, name, arguments: args } = answer.toolCall;
		return { role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name, arguments: JSON.stringify(args) } }] };
	}
	return { role: 'assistant', content: answer.text };
}

function completion(model, answer, counter) {
	return {
		id: `chatcmpl-scripted-${counter}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message: message(answer), finish_reason: answer.toolCall ? 'tool_calls' : 'stop', logprobs: null }],
		usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
	};
}

/** The same answer as a stream: one chunk with the whole delta, one with the finish reason. */
function chunks(model, answer, counter) {
	const base = { id: `chatcmpl-scripted-${counter}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
	const { content, tool_calls: toolCalls } = message(answer);
	const delta = toolCalls ? { role: 'assistant', tool_calls: toolCalls.map((call, index) => ({ index, ...call })) } : { role: 'assistant', content };
	return [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason: answer.toolCall ? 'tool_calls' : 'stop' }] },
	];
}

/**
 * Starts the model. `script(body)` returns `{toolCall: {id, name, arguments}}` or `{text}` for a
 * chat completion request. Resolves {baseUrl (…/v1, the credential's Base URL), requests, stop()}.
 */
export async function startScriptedModel(script) {
	const requests = [];
	let counter = 0;
	const server = createServer((req, res) => {
		const parts = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= MAX_BODY) parts.push(chunk);
		});
		req.on('end', () => {
			const text = Buffer.concat(parts).toString('utf8');
			let body;
			try {
				body = text ? JSON.parse(text) : undefined;
			} catch {
				body = text;
			}
			requests.push({ method: req.method, path: req.url, body, at: Date.now() });
			const send = (status, json) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(json));
			};
			if (req.method !== 'POST' || req.url !== '/v1/chat/completions' || typeof body !== 'object') {
				send(404, { error: { message: `the scripted model answers POST /v1/chat/completions only, not ${req.method} ${req.url}`, type: 'invalid_request_error' } });
				return;
			}
			counter++;
			let answer;
			try {
				answer = script(body);
			} catch (error) {
				send(500, { error: { message: `script failed: ${error.message}`, type: 'server_error' } });
				return;
			}
			if (!body.stream) {
				send(200, completion(body.model, answer, counter));
				return;
			}
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
			for (const chunk of chunks(body.model, answer, counter)) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
			res.end('data: [DONE]\n\n');
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address();
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		stop: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}
