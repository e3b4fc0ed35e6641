import type { INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { leadPicker } from './picker';
import { sendTrimmed } from './routing';

/** What n8n asks every dropdown loaded from the account to say, so an expression is known to work too. */
const FROM_LIST_ONE = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';
const FROM_LIST_MANY = 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

interface AccountListOptions {
	/** Ends in "Name or ID" (one value) or "Names or IDs" (several), as n8n's linter asks. */
	displayName: string;
	name: string;
	/** A method of nodes/shared/loadOptions.ts. */
	loadOptionsMethod: string;
	/** What the field is for, as one sentence; n8n's "Choose from the list…" follows it. */
	description: string;
	routing?: INodePropertyRouting;
	required?: boolean;
	/** Parameters the list depends on (reloaded when they change). */
	dependsOn?: string[];
}

function typeOptionsOf(options: AccountListOptions) {
	return options.dependsOn
		? { loadOptionsMethod: options.loadOptionsMethod, loadOptionsDependsOn: options.dependsOn }
		: { loadOptionsMethod: options.loadOptionsMethod };
}

/** A dropdown of one value loaded from the Lofty account (a member, a role, a lead pond, …). */
export function accountOption(options: AccountListOptions): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'options',
		typeOptions: typeOptionsOf(options),
		required: options.required,
		default: '',
		description: `${options.description} ${FROM_LIST_ONE}`,
		routing: options.routing,
	};
}

/** A multi-select loaded from the Lofty account (tags, segments, stages, groups, …). */
export function accountOptions(options: AccountListOptions): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'multiOptions',
		typeOptions: typeOptionsOf(options),
		required: options.required,
		default: [],
		description: `${options.description} ${FROM_LIST_MANY}`,
		routing: options.routing,
	};
}

/** The Filters collection of a list operation; write its options in alphabetical order. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/** A Lead ID filter (a lead picker), sent as the query's leadId; the walker refuses one that is not an id. */
export function leadIdFilter(description: string): INodeProperties {
	return { ...leadPicker(description), required: false, routing: sendTrimmed('query', 'leadId') };
}
