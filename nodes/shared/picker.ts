import type { INodeProperties, INodePropertyModeTypeOptions } from 'n8n-workflow';

import type { FieldRule } from './input';

/** The records that get a picker, and the listSearch method (listSearch.ts) that lists each. */
const SEARCH_METHODS = {
	lead: 'searchLeads',
	member: 'searchMembers',
	transaction: 'searchTransactions',
	// Lofty lists notes and tasks only per lead, and their operations carry no lead: By ID only.
	note: undefined,
	task: undefined,
} as const;

export type RecordKind = keyof typeof SEARCH_METHODS;

export interface RecordPickerOptions {
	kind: RecordKind;
	/** Parameter name, as the path and checks use it: "leadId". */
	name: string;
	displayName: string;
	description?: string;
	/** Defaults to true: every id a picker holds is needed by its operation. */
	required?: boolean;
}

/** Lofty's ids are whole numbers; spaces an expression leaves are trimmed before sending. */
const ID_PATTERN = '^\\s*[0-9]+\\s*$';

/**
 * A record id as n8n's resource locator: "From list" (searchable) where Lofty can list the
 * record, and "By ID". Lofty documents no web-app URL for a record, so there is no "By URL".
 * A workflow saved with a plain id (or an expression) keeps working: both routers read a plain
 * value as the id.
 */
export function recordPicker(options: RecordPickerOptions): INodeProperties {
	const searchListMethod = SEARCH_METHODS[options.kind];
	const byId = {
		displayName: 'By ID',
		name: 'id',
		type: 'string' as const,
		placeholder: '1234567',
		validation: [{ type: 'regex' as const, properties: { regex: ID_PATTERN, errorMessage: `Not a valid ${options.kind} ID: Lofty IDs are whole numbers` } }],
	};
	const fromList = searchListMethod && {
		displayName: 'From List',
		name: 'list',
		type: 'list' as const,
		placeholder: `Select a ${options.kind}...`,
		typeOptions: { searchListMethod, searchable: true } satisfies INodePropertyModeTypeOptions,
	};
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		required: options.required ?? true,
		default: { mode: fromList ? 'list' : 'id', value: '' },
		description: options.description,
		modes: fromList ? [fromList, byId] : [byId],
	};
}

/** The lead an operation is about: the picker every node's Lead ID uses. */
export const leadPicker = (description: string, required = true) => recordPicker({ kind: 'lead', name: 'leadId', displayName: 'Lead ID', description, required });

/** The lead picker of an operation that sends the lead in the body as `leadId`; give it LEAD_ID_AS_NUMBER. */
export const leadInBody = (description: string, required = true): INodeProperties => ({
	...leadPicker(description, required),
	routing: { send: { type: 'body', property: 'leadId' } },
});

/** The rule of leadInBody's value: Lofty's int64 leadId, sent as a JSON number. */
export const LEAD_ID_AS_NUMBER: FieldRule = { at: 'body.leadId', label: 'Lead ID', check: 'integer' };
