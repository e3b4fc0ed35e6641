import type { INodeProperties } from 'n8n-workflow';

/** A field sent in the body under its own name. */
const inBody = (property: INodeProperties): INodeProperties => ({ ...property, routing: { send: { type: 'body', property: property.name } } });

/**
 * What Lofty takes only when a lead is created. The one table of them: Create's and Create or
 * Update's Additional Fields offer these fields, Update's do not (profileFields), and Create or
 * Update drops their keys from the body when it updates the lead it found (CREATE_ONLY_KEYS).
 */
export const CREATE_ONLY_FIELDS: INodeProperties[] = [
	inBody({
		// Text, not a number field: the editor would round an id above 2^53. A number saved
		// earlier still works; its integer rule checks either and sends it as an exact JSON number.
		displayName: 'Hide Vendor ID',
		name: 'hideVendorId',
		type: 'string',
		default: '',
		placeholder: '1234567',
		description: "A vendor's ID, a whole number (Lofty's hideVendorId; the reference says no more)",
	}),
	inBody({
		displayName: 'Note',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'A note added to the new lead',
	}),
	inBody({ displayName: 'Pin Note', name: 'isPin', type: 'boolean', default: false, description: 'Whether to pin the note' }),
	inBody({
		displayName: 'Routing Group ID',
		name: 'assignGroupId',
		// Text for the same reason as Hide Vendor ID.
		type: 'string',
		default: '',
		placeholder: '-1',
		description: 'ID of the group whose routing rule applies, a whole number; -1 uses the company routing rule',
	}),
	inBody({
		displayName: 'Send New Lead Alert',
		name: 'leadAlert',
		type: 'boolean',
		default: false,
		description: 'Whether Lofty emails the assigned agent a new-lead alert (really sends email)',
	}),
	inBody({
		displayName: 'Send Welcome Email',
		name: 'welcomeEmail',
		type: 'boolean',
		default: false,
		description: 'Whether Lofty emails the lead a welcome message (really sends email)',
	}),
	inBody({
		displayName: 'Use Lead Routing',
		name: 'leadRouting',
		type: 'boolean',
		default: false,
		description: 'Whether Lofty assigns the lead through its lead routing rules',
	}),
];

/** The body keys of the create-only fields, which an update must not carry. */
export const CREATE_ONLY_KEYS: readonly string[] = CREATE_ONLY_FIELDS.map((field) => String(field.routing?.send?.property));
