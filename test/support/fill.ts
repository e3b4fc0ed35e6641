import type {
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
	NodeParameterValueType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/** A value per parameter name that the generic filler would get wrong (e.g. a date held in a string). */
export type FillOverrides = Record<string, NodeParameterValueType>;

// n8n adds Request Options (batching, proxy, timeout) to declarative nodes: not part of the form.
const STRUCTURAL = new Set(['authentication', 'resource', 'operation', 'requestOptions']);

/** A plausible value for a text field, chosen by its name: ids are numeric, emails are emails. */
function sampleText(name: string): string {
	if (/emails?$/i.test(name) || /^(email|account)/i.test(name)) return 'agent@example.com';
	if (/ids$/i.test(name)) return '21,22';
	if (/(id|Id|ID)$/.test(name)) return '21';
	if (/url|website|link/i.test(name)) return 'https://example.com/page';
	if (/phones?$/i.test(name)) return '5551234567';
	return `${name} text`;
}

function sampleOf(property: INodeProperties, overrides: FillOverrides): NodeParameterValueType | undefined {
	if (property.name in overrides) return overrides[property.name];
	const options = (property.options ?? []) as INodePropertyOptions[];
	const fromAccount = Boolean(property.typeOptions?.loadOptionsMethod);
	switch (property.type) {
		case 'string':
			return sampleText(property.name);
		case 'number':
			return Math.max(Number(property.typeOptions?.minValue ?? 1), 3);
		case 'boolean':
			return property.name !== 'returnAll';
		case 'dateTime':
			return '2026-01-31T09:00:00';
		case 'json':
			return '{}';
		case 'options':
			return fromAccount ? '21' : options[0]?.value;
		case 'multiOptions':
			return fromAccount ? ['21', '22'] : options.slice(0, 1).map((option) => option.value);
		case 'collection':
			return Object.fromEntries(
				(property.options as INodeProperties[])
					.map((option) => [option.name, sampleOf(option, overrides)] as const)
					.filter(([, value]) => value !== undefined),
			) as INodeParameters;
		case 'fixedCollection': {
			const groups: INodeParameters = {};
			for (const group of property.options as INodePropertyCollection[]) {
				const row = Object.fromEntries(
					group.values.map((field) => [field.name, sampleOf(field, overrides)] as const).filter(([, value]) => value !== undefined),
				) as INodeParameters;
				groups[group.name] = property.typeOptions?.multipleValues ? [row] : row;
			}
			return groups;
		}
		case 'resourceLocator':
			return { __rl: true, mode: 'id', value: sampleText(property.name) };
		default:
			// notice, hidden and other display-only types hold nothing to send
			return undefined;
	}
}

/**
 * Parameters for one operation with every field it shows filled in, as a user who filled the
 * whole form would save them: the way to see everything an operation can send.
 */
export function fillOperation(
	nodeType: INodeType,
	resource: string,
	operation: string,
	overrides: FillOverrides = {},
): INodeParameters {
	const { description } = nodeType;
	const parameters: INodeParameters = { authentication: 'apiKey', resource, operation };
	// A filled field may show others (e.g. Return All off shows Limit): fill until nothing new shows.
	for (let pass = 0; pass < 4; pass++) {
		let added = false;
		for (const property of description.properties) {
			if (STRUCTURAL.has(property.name) || property.name in parameters) continue;
			if (!NodeHelpers.displayParameter(parameters, property, { typeVersion: 1 }, description, parameters)) continue;
			const value = sampleOf(property, overrides);
			if (value === undefined) continue;
			parameters[property.name] = value;
			added = true;
		}
		if (!added) break;
	}
	return parameters;
}

/** Every resource/operation pair of a node, read from its operation dropdowns. */
export function operationsOf(nodeType: INodeType): Array<{ resource: string; operation: string; name: string }> {
	const found: Array<{ resource: string; operation: string; name: string }> = [];
	for (const property of nodeType.description.properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				found.push({ resource, operation: String(option.value), name: option.name });
			}
		}
	}
	return found;
}
