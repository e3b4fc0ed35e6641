/**
 * Workflows saved with an earlier layout of the nodes' properties, and what the nodes did with
 * them: for every operation of every action node, its parameters as n8n's editor saved them
 * (once with every field filled in, once with only the required ones), the fields the editor
 * showed, in order, and the requests Lofty received. test/fixtures/saved-operations.json holds
 * them as recorded with the layout of commit c0d774c (recordSavedOperations run on that tree);
 * test/layout.test.ts runs each one again on today's nodes.
 */
import type { IDataObject, INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { FakeLoftyData, SEED_BASE_TIME } from '../fake-lofty';
import type { LoftyEnv } from './env';
import type { FillOverrides } from './fill';
import { fillOperation, operationsOf } from './fill';

export interface SavedOperation {
	/** The node type's name, e.g. "loftyLead". */
	node: string;
	resource: string;
	operation: string;
	form: 'whole' | 'required';
	/** Every parameter, defaults included, as the editor saves a node. */
	parameters: INodeParameters;
}

export interface OperationRun {
	/** The top-level fields the editor shows for these parameters, in order: "name (Display Name)". */
	fields: string[];
	requests: Array<{ method: string; path: string; query: IDataObject; body: unknown }>;
	status: string;
	error?: string;
	items: IDataObject[];
}

export type SavedOperationRun = SavedOperation & OperationRun;

/** Values the generic filler cannot guess (as the reference-contract test gives them). */
const OVERRIDES: FillOverrides = {
	payTo: '700001',
	splitPayTo: '700002',
	strategyType: '1',
	startTime: '2026-01-31T09:00:00',
	endTime: '2026-01-31T12:00:00',
};

const STRUCTURAL = ['authentication', 'resource', 'operation'];

/** The parameter sets of one operation, as the editor of `nodeType`'s layout saves them. */
export function savedParameters(nodeType: INodeType, resource: string, operation: string): SavedOperation[] {
	const { properties } = nodeType.description;
	const whole = fillOperation(nodeType, resource, operation, OVERRIDES);
	const required: INodeParameters = {};
	for (const [name, value] of Object.entries(whole)) {
		const shown = properties.filter((property) => property.name === name && NodeHelpers.displayParameter(whole, property, { typeVersion: 1 }, nodeType.description, whole));
		if (STRUCTURAL.includes(name) || shown.some((property) => property.required)) required[name] = value;
	}
	const saved = (parameters: INodeParameters) => NodeHelpers.getNodeParameters(properties, parameters, true, false, null, null) ?? parameters;
	const node = nodeType.description.name;
	return [
		{ node, resource, operation, form: 'whole', parameters: saved(whole) },
		{ node, resource, operation, form: 'required', parameters: saved(required) },
	];
}

/** The top-level fields the editor shows for these parameters, in its order. */
export function shownFields(nodeType: INodeType, parameters: INodeParameters): string[] {
	return (nodeType.description.properties as INodeProperties[])
		.filter((property) => property.type !== 'hidden')
		.filter((property) => NodeHelpers.displayParameter(parameters, property, { typeVersion: 1 }, nodeType.description, parameters))
		.map((property) => `${property.name} (${property.displayName})`);
}

/** Runs one saved parameter set on a fresh fake Lofty whose clock stands still. */
export async function runSaved(env: LoftyEnv, nodeType: INodeType, saved: SavedOperation): Promise<OperationRun> {
	env.fake.data = new FakeLoftyData();
	env.fake.data.now = () => SEED_BASE_TIME;
	env.fake.clock = () => SEED_BASE_TIME;
	env.fake.clearRequests();
	const result = await env.run(nodeType, saved.parameters);
	return {
		fields: shownFields(nodeType, saved.parameters),
		requests: env.apiRequests().map(({ method, path, query, body }) => ({ method, path, query, body })),
		status: result.status,
		error: result.error?.message,
		items: result.items,
	};
}

/** Every operation of these nodes, both parameter sets, run: what the fixture records. */
export async function recordSavedOperations(env: LoftyEnv, nodeTypes: INodeType[]): Promise<SavedOperationRun[]> {
	const records: SavedOperationRun[] = [];
	for (const nodeType of nodeTypes) {
		for (const { resource, operation } of operationsOf(nodeType)) {
			for (const saved of savedParameters(nodeType, resource, operation)) {
				records.push({ ...saved, ...(await runSaved(env, nodeType, saved)) });
			}
		}
	}
	return records;
}
