import type { INodeParameters, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { isOpenList } from '../nodes/shared/descriptions';
import { useFakeLofty } from './support/env';
import { fillOperation, operationsOf } from './support/fill';
import { allNodeTypes } from './support/nodes';

const env = useFakeLofty();
beforeAll(() => env.fake.seedLeads(5));

const BOGUS = 'not-in-the-list';
const STRUCTURAL = new Set(['authentication', 'resource', 'operation', 'requestOptions']);

/** A dropdown whose whole list the reference gives: fixed options, not loaded, not marked open. */
function isClosedList(property: INodeProperties): boolean {
	if (property.type !== 'options' && property.type !== 'multiOptions') return false;
	if (property.typeOptions?.loadOptionsMethod || STRUCTURAL.has(property.name) || isOpenList(property.options)) return false;
	const options = (property.options ?? []) as INodePropertyOptions[];
	return options.length > 0 && 'value' in options[0];
}

interface ClosedList {
	/** Where the value sits in the parameters: ["filters", "sort"], ["commissions", "split", 0, "payType"]. */
	path: Array<string | number>;
	field: INodeProperties;
	/** "top level", "in a collection" or "in a fixed collection". */
	where: string;
}

/** The closed lists a field holds, itself or inside its collection or fixed collection, at any depth. */
function closedListsIn(property: INodeProperties, path: Array<string | number>, where: string): ClosedList[] {
	if (isClosedList(property)) return [{ path, field: property, where }];
	if (property.type === 'collection') {
		return (property.options as INodeProperties[]).flatMap((option) =>
			closedListsIn(option, [...path, option.name], where === 'in a fixed collection' ? where : 'in a collection'),
		);
	}
	if (property.type === 'fixedCollection') {
		return (property.options as INodePropertyCollection[]).flatMap((group) =>
			group.values.flatMap((field) =>
				closedListsIn(field, [...path, group.name, ...(property.typeOptions?.multipleValues ? [0] : []), field.name], 'in a fixed collection'),
			),
		);
	}
	return [];
}

/** Every closed list an operation's filled form holds, at any depth. */
function closedListsOf(nodeType: INodeType, parameters: INodeParameters): ClosedList[] {
	return nodeType.description.properties
		.filter((property) => property.name in parameters && !STRUCTURAL.has(property.name))
		.filter((property) => NodeHelpers.displayParameter(parameters, property, { typeVersion: 1 }, nodeType.description, parameters))
		.flatMap((property) => closedListsIn(property, [property.name], 'top level'));
}

function withValueAt(parameters: INodeParameters, path: Array<string | number>, value: unknown): INodeParameters {
	const copy = JSON.parse(JSON.stringify(parameters)) as INodeParameters;
	let holder = copy as Record<string | number, unknown>;
	for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
	holder[path[path.length - 1]] = value;
	return copy;
}

const cases = allNodeTypes().flatMap((nodeType) =>
	operationsOf(nodeType).flatMap(({ resource, operation, name }) => {
		const filled = fillOperation(nodeType, resource, operation);
		return closedListsOf(nodeType, filled).map((list) => ({
			title: `${nodeType.description.displayName} › ${resource} › ${name}: "${list.field.displayName}" ${list.where} (${list.path.join('.')})`,
			nodeType,
			parameters: withValueAt(filled, list.path, list.field.type === 'multiOptions' ? [BOGUS] : BOGUS),
			list,
		}));
	}),
);

describe('every closed list of every operation refuses a value it does not offer, before sending', () => {
	it('finds closed lists at every depth, fixed collections included', () => {
		const where = new Set(cases.map((entry) => entry.list.where));
		expect([...where].sort()).toEqual(['in a collection', 'in a fixed collection', 'top level']);
		// The commission Pay Type sits in a fixed collection of the transaction's commissions.
		expect(cases.some((entry) => entry.list.where === 'in a fixed collection' && entry.list.field.displayName === 'Pay Type')).toBe(true);
	});

	it.each(cases.map((entry) => [entry.title, entry] as const))('%s', async (_title, { nodeType, parameters, list }) => {
		const result = await env.run(nodeType, parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`"${list.field.displayName}" cannot be "${BOGUS}"`);
		expect(result.error?.description).toMatch(/^Use one of: .+\. Nothing was sent to Lofty\.$/);
		expect(env.apiRequests()).toEqual([]);
	});
});
