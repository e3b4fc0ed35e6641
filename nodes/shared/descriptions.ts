import type { INodeCredentialDescription, INodeProperties, INodePropertyOptions, INodeTypeDescription, PreSendAction } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { bindFieldRules, isOpenList, markOpenList } from './fieldRules';
import { mergeJsonBody } from './input';
import { API_KEY_CREDENTIAL, DEFAULT_BASE_URL, MAX_WAIT_OPTION, OAUTH2_CREDENTIAL } from './transport';
import { sendRows } from './routing';

/** Both Lofty credentials, picked by the Authentication parameter. */
export const loftyCredentials: INodeCredentialDescription[] = [
	{ name: API_KEY_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['apiKey'] } } },
	{ name: OAUTH2_CREDENTIAL, required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'apiKey',
};

/**
 * What every Lofty node's description shares: credentials, base URL, and the request
 * function that routes every call through the shared throttle.
 */
export const loftyNodeBase = {
	group: ['transform'],
	version: 1,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: loftyCredentials,
	// The transport sends each request to the credential's base URL with its vendor key: as
	// expressions here, n8n would evaluate them three times for every item.
	requestDefaults: {
		baseURL: DEFAULT_BASE_URL,
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
	},
} satisfies Partial<INodeTypeDescription>;

/**
 * The last property of every action node. n8n merges its own Request Options (batching, proxy,
 * timeout) into a node's "requestOptions" collection; the transport reads this entry from it.
 */
export const loftyRequestOptions: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Rate Limit Wait',
			name: MAX_WAIT_OPTION,
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			noDataExpression: true,
			description:
				"Longest time in minutes one request may wait for Lofty's rate limit in all; past it the node fails instead of waiting longer",
		},
	],
};

/** The value n8n's editor gives the operation it adds to every node with an HTTP-capable credential. */
const CUSTOM_API_CALL = '__CUSTOM_API_CALL__';

/**
 * The canvas subtitle: the operation's and resource's display names ("Get Many: Lead"). n8n's
 * editor evaluates the subtitle with the parameters' internal values, so the names are looked up
 * in a table written into the expression. Its keys are "resource:operation", one level deep: a
 * nested object would put "}}" inside the expression and end it early.
 */
export function operationSubtitle(properties: INodeProperties[]): string {
	const resources = properties.find((property) => property.name === 'resource')?.options as INodePropertyOptions[];
	const names: Record<string, string> = {};
	for (const resource of resources) {
		for (const property of properties) {
			if (property.name !== 'operation' || !property.displayOptions?.show?.resource?.includes(resource.value)) continue;
			for (const operation of property.options as INodePropertyOptions[]) {
				names[`${resource.value}:${operation.value}`] = `${operation.name}: ${resource.name}`;
			}
		}
	}
	const table = JSON.stringify(names);
	return (
		`={{ ${table}[$parameter["resource"] + ":" + $parameter["operation"]] || ` +
		`($parameter["operation"] === "${CUSTOM_API_CALL}" ? "Custom API Call" : $parameter["operation"] + ": " + $parameter["resource"]) }}`
	);
}

export function resourceProperty(options: INodePropertyOptions[], defaultResource = options[0].value): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options,
		default: defaultResource,
	};
}


/**
 * Custom field values as a list of {key, value} pairs with the field picked from the account:
 * leads set them by name (customAttributeList), transactions by id (customFields).
 */
export function customFieldsProperty(options: {
	name: string;
	description?: string;
	keyField: string;
	loadOptionsMethod: string;
	bodyProperty: string;
}): INodeProperties {
	return {
		displayName: 'Custom Fields',
		name: options.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: options.description,
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: options.keyField,
						type: 'options',
						typeOptions: { loadOptionsMethod: options.loadOptionsMethod },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'For multi-select fields use a JSON list such as ["Item1","Item2"]',
					},
				],
			},
		],
		routing: sendRows('body', options.bodyProperty, 'field'),
	};
}

/**
 * Marks a dropdown's option list as open: the reference does not give every value (it is cut off
 * or missing), so the dropdown offers the values known and an expression may send any other.
 * Every other fixed list is closed: the reference gives it whole, and a value it does not list is
 * refused before sending (the walker, fieldRules.ts).
 */
export function openList(options: INodePropertyOptions[]): INodePropertyOptions[] {
	markOpenList(options);
	return options;
}

export { isOpenList };

/**
 * Called on a node's properties when the node is built: every operation's send function gets the
 * fields its operation shows, and checks them for each item before anything is sent (closed
 * lists at any depth, ids, integers, dates, JSON, required fields, Limit; see fieldRules.ts).
 */
export function withEnumChecks(properties: INodeProperties[]): INodeProperties[] {
	return bindFieldRules(properties);
}

/**
 * Said in the description of a form field the reference does not define (for example marking a
 * task complete): Lofty may ignore it. The reference-contract test lets exactly these through.
 */
export const OUTSIDE_REFERENCE = "Not in Lofty's API reference; Lofty may ignore it.";

/** The label every Additional Body (JSON) field shares, in its errors too. */
const ADDITIONAL_BODY = 'Additional Body (JSON)';

/**
 * Additional Body (JSON): the escape hatch of every create, update, add and place operation, for
 * request-schema fields the form does not offer (`schema` names it). Merge it into the body with
 * `additionalBody(name)` in the operation's preSend, after the form's own fields are in place.
 */
export function additionalBodyField(
	schema: string,
	displayOptions: INodeProperties['displayOptions'],
	name = 'jsonBody',
): INodeProperties {
	return {
		displayName: ADDITIONAL_BODY,
		name,
		type: 'json',
		default: '',
		description: `Extra ${schema} fields as a JSON object, for anything the form does not offer. It is merged into the body at every level; where it names a field the form also sets, its value is sent.`,
		displayOptions,
	};
}

/** Merges an Additional Body (JSON) field into the request body (see additionalBodyField). */
export function additionalBody(name = 'jsonBody'): PreSendAction {
	return mergeJsonBody(name, ADDITIONAL_BODY);
}
