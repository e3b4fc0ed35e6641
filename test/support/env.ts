import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import type { FakeLoftyOptions, RecordedRequest } from '../fake-lofty';
import { FakeLofty } from '../fake-lofty';
import type { RunResult } from '../harness';
import { runWorkflow } from '../harness';

export interface LoftyEnv {
	fake: FakeLofty;
	/** Runs one node with the API-key credential pointed at the fake server. */
	run(
		type: INodeType,
		parameters: INodeParameters,
		options?: { items?: IDataObject[]; continueOnFail?: boolean; cancelAfterMs?: number },
	): Promise<RunResult>;
	/** Requests to /v1.0 routes (the fake also records OAuth token calls). */
	apiRequests(): RecordedRequest[];
}

/** A fake Lofty server for one test file, started before and stopped after its tests. */
export function useFakeLofty(options: FakeLoftyOptions = {}): LoftyEnv {
	const fake = new FakeLofty(options);
	beforeAll(async () => {
		await fake.start();
	});
	afterAll(async () => {
		await fake.stop();
	});
	beforeEach(() => {
		fake.clearRequests();
		fake.clearFaults();
	});
	return {
		fake,
		async run(type, parameters, runOptions = {}) {
			return await runWorkflow({
				nodes: { type, parameters, continueOnFail: runOptions.continueOnFail },
				items: runOptions.items,
				cancelAfterMs: runOptions.cancelAfterMs,
				credentials: {
					type: 'loftyApi',
					data: { apiKey: options.apiKey ?? 'test-api-key', baseUrl: fake.baseUrl },
				},
			});
		},
		apiRequests() {
			return fake.requests.filter((request) => request.path.startsWith('/v1.0'));
		},
	};
}

/** A request as tests compare it: method, path, query and body. */
export function summary(request: RecordedRequest) {
	return { method: request.method, path: request.path, query: request.query, body: request.body };
}

/**
 * The two ways a node test runs its node: `runOk` must succeed (else the test fails with n8n's
 * error); `refused` must fail before anything reaches Lofty, and gives the error (`refusal`, its
 * message). `defaults` are parameters every run of the file shares, e.g. the resource.
 */
export function nodeRunner(env: LoftyEnv, node: () => INodeType, defaults: INodeParameters = {}) {
	async function runOk(parameters: INodeParameters, items?: IDataObject[]) {
		const result = await env.run(node(), { ...defaults, ...parameters }, { items });
		if (result.status !== 'success') throw new Error(`run failed: ${JSON.stringify(result.error)}`);
		return result;
	}
	async function refused(parameters: INodeParameters, items?: IDataObject[]) {
		const result = await env.run(node(), { ...defaults, ...parameters }, { items });
		expect(result.status).toBe('error');
		expect(env.apiRequests()).toEqual([]);
		expect(result.error?.description).toContain('Nothing was sent to Lofty');
		return result.error;
	}
	async function refusal(parameters: INodeParameters, items?: IDataObject[]) {
		return (await refused(parameters, items))?.message;
	}
	return { runOk, refused, refusal };
}
