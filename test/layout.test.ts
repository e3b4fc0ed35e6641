/**
 * The layout of the nodes' properties, in n8n's idiom: a field several operations take is one
 * property whose display rule lists them all (as n8n's Okta node declares its user ID once for
 * Get, Update and Delete). A field is declared again only where its meaning differs, and every
 * workflow saved with the earlier layout (one copy of each field per operation) runs as before.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { LoftyLead } from '../nodes/LoftyLead/LoftyLead.node';
import { CREATE_ONLY_KEYS } from '../nodes/LoftyLead/resources/lead/createOnly';
import { useFakeLofty } from './support/env';
import { ROOT, fs, path, process } from './support/node';
import { allNodeTypes } from './support/nodes';
import type { SavedOperationRun } from './support/saved-operations';
import { runSaved } from './support/saved-operations';

const nodeTypes = allNodeTypes();
const nodeCases = nodeTypes.map((nodeType) => ({ nodeType, label: nodeType.description.displayName }));

type Show = Record<string, unknown[] | undefined>;
const showOf = (property: INodeProperties) => (property.displayOptions?.show ?? {}) as Show;
/** A display rule's conditions other than resource and operation. */
const otherConditions = (property: INodeProperties) =>
	Object.fromEntries(Object.entries(showOf(property)).filter(([key]) => key !== 'resource' && key !== 'operation'));

/** Whether no parameters show both: some condition both rules set allows no common value. */
function disjoint(a: INodeProperties, b: INodeProperties): boolean {
	const [showA, showB] = [showOf(a), showOf(b)];
	return Object.keys(showA).some((key) => showB[key] && !showA[key]!.some((value) => showB[key]!.includes(value)));
}

/** A property apart from the resources and operations that show it (functions by their code). */
function definitionOf(property: INodeProperties): string {
	return JSON.stringify({ ...property, displayOptions: { ...property.displayOptions, show: otherConditions(property) } }, (_key, value: unknown) =>
		typeof value === 'function' ? String(value) : value,
	);
}

/** Whether two properties' rules differ in a condition other than resource and operation. */
function otherConditionsDiffer(a: INodeProperties, b: INodeProperties): boolean {
	const others = (property: INodeProperties) => JSON.stringify({ show: otherConditions(property), hide: property.displayOptions?.hide });
	return others(a) !== others(b);
}

/** Pairs of top-level properties sharing a name that should be one property, described. */
function needlessCopies(nodeType: INodeType): string[] {
	const properties = nodeType.description.properties;
	const found: string[] = [];
	properties.forEach((a, i) => {
		for (const b of properties.slice(i + 1)) {
			if (a.name !== b.name) continue;
			const where = `${a.name}: ${JSON.stringify(showOf(a))} and ${JSON.stringify(showOf(b))}`;
			if (!disjoint(a, b)) found.push(`${where} both show for the same operation`);
			else if (definitionOf(a) === definitionOf(b) && !otherConditionsDiffer(a, b)) found.push(`${where} are the same field`);
		}
	});
	return found;
}

describe('each field is declared once per resource', () => {
	it.each(nodeCases)('$label declares a field twice only where its meaning differs', ({ nodeType }) => {
		expect(needlessCopies(nodeType)).toEqual([]);
	});

	it('Lofty Lead has one Lead ID per resource, shown for every operation of it that takes the lead', () => {
		const { properties } = new LoftyLead().description;
		process.stdout.write(`Lofty Lead: ${properties.length} top-level properties\n`);
		const leadIds = properties.filter((property) => property.name === 'leadId');
		expect(leadIds.map((property) => showOf(property))).toEqual([
			{ resource: ['lead'], operation: ['assign', 'delete', 'get', 'getLoginLink', 'addInquiry', 'addProperty', 'update'] },
			{ resource: ['activity'], operation: ['create', 'getAll'] },
			{ resource: ['transaction'], operation: ['create', 'get', 'getAll', 'getPropertyAddress', 'update', 'updatePropertyAddress'] },
		]);
		// 117 with a copy of each field per operation and a hidden property per operation's own steps.
		expect(properties.length).toBeLessThanOrEqual(62);
	});

	it.each(nodeCases)('$label has no hidden property: an operation runs its own steps from its send function', ({ nodeType }) => {
		expect(nodeType.description.properties.filter((property) => property.type === 'hidden').map((property) => property.name)).toEqual([]);
	});
});

describe('the create-only flags of a lead come from one table', () => {
	const { properties } = new LoftyLead().description;
	const collection = (name: string, operation: string) =>
		properties.find((property) => property.name === name && showOf(property).resource?.includes('lead') && showOf(property).operation?.includes(operation));
	const keysOf = (property: INodeProperties | undefined) =>
		((property?.options ?? []) as INodeProperties[]).map((option) => String(option.routing?.send?.property ?? option.name));

	it('Create and Create or Update offer every one of them', () => {
		expect(CREATE_ONLY_KEYS.length).toBeGreaterThan(0);
		for (const operation of ['create', 'createOrUpdate']) {
			expect(keysOf(collection('additionalFields', operation))).toEqual(expect.arrayContaining([...CREATE_ONLY_KEYS]));
		}
	});

	it("Update's fields offer none of them", () => {
		const update = keysOf(collection('updateFields', 'update'));
		expect(update.length).toBeGreaterThan(0);
		expect(update.filter((key) => CREATE_ONLY_KEYS.includes(key))).toEqual([]);
	});
});

const SAVED = path.join(ROOT, 'test', 'fixtures', 'saved-operations.json');
const saved = JSON.parse(fs.readFileSync(SAVED, 'utf8')) as SavedOperationRun[];
const nodeNamed = (name: string) => nodeTypes.find((nodeType) => nodeType.description.name === name) as INodeType;

describe('a workflow saved with the earlier layout runs as before', () => {
	const env = useFakeLofty();

	it('is recorded for every operation of every action node', () => {
		const recorded = new Set(saved.map((run) => `${run.node} ${run.resource} ${run.operation}`));
		const operations = nodeTypes.flatMap((nodeType) =>
			nodeType.description.properties
				.filter((property) => property.name === 'operation')
				.flatMap((property) =>
					(showOf(property).resource ?? []).flatMap((resource) =>
						(property.options as Array<{ value: string }>).map((option) => `${nodeType.description.name} ${String(resource)} ${option.value}`),
					),
				),
		);
		expect(operations.filter((operation) => !recorded.has(operation))).toEqual([]);
	});

	it.each(saved.map((run) => ({ ...run, label: `${run.node} › ${run.resource} › ${run.operation}, ${run.form} form` })))(
		'$label: the same fields in the same order, the same requests and the same outcome',
		async ({ fields, requests, status, error, items, ...parameters }) => {
			const run = await runSaved(env, nodeNamed(parameters.node), parameters);
			expect(run).toEqual({ fields, requests, status, error, items });
		},
	);
});
