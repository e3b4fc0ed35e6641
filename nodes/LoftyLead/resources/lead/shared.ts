import type { INodeProperties } from 'n8n-workflow';

import { additionalBody } from '../../../shared/descriptions';
import { accountOption, accountOptions } from '../../../shared/fields';
import type { FieldRule } from '../../../shared/input';
import { compactBody, dateRules, integerRules } from '../../../shared/input';
import type { OperationDescription, RecordPath } from '../../../shared/operations';
import { forOperation, limitFields } from '../../../shared/operations';
import type { PagingOptions, Simplifier } from '../../../shared/pagination';
import { listRouting, sendList } from '../../../shared/routing';
import { inBody, inQuery } from '../../LoftyLeadFunctions';

export const RESOURCE = 'lead';

/** The lead an operation works on, by its id in the path. */
export const LEAD: RecordPath = { resource: RESOURCE, noun: 'lead', path: '/v1.0/leads/{leadId}', id: 'leadId', idLabel: 'Lead ID', kind: 'lead' };

export const LEAD_PAGE_SIZE = 100;
/** Lead searches page by scrollId: offsets shift when leads are added during a long run. */
export const leadScroll: PagingOptions = { style: 'scroll', pageSize: LEAD_PAGE_SIZE, records: 'leads', unwrap: 'lead' };

/** LeadResponse's fields people use, for Get and Get Many with Simplify on. */
const SIMPLE_LEAD_FIELDS = [
	'leadId', 'firstName', 'lastName', 'emails', 'phones', 'stage', 'source',
	'assignedUserId', 'assignedUser', 'tags', 'createTime', 'lastUpdateTime',
];
export const simplifyLead: Simplifier = (lead) =>
	Object.fromEntries(SIMPLE_LEAD_FIELDS.filter((key) => key in lead).map((key) => [key, lead[key]]));

/**
 * The body steps of Create, Create or Update and Update (LeadRequest / EditLeadRequest), after
 * the fields have put their values in Lofty's shape: Additional Body (JSON), then empty fields
 * dropped.
 */
export const leadBodySteps = [additionalBody(), compactBody];

/**
 * Their rules, on the body built (Additional Body included): dates in Lofty's form, integers
 * (the inquiry and property inside included) as JSON numbers.
 */
export const leadBodyRules: FieldRule[] = [
	...dateRules({
		'body.birthday': { format: 'birthday', label: 'Birthday' },
		'body.leadFamilyMemberList[].birthday': { format: 'birthday', label: 'Family Members > Birthday' },
	}),
	...integerRules({
		'body.assignedUserId': 'Assigned Agent Name or ID',
		'body.assignGroupId': 'Routing Group ID',
		'body.hideVendorId': 'Hide Vendor ID',
		'body.inquiry.id': 'Inquiry ID',
		'body.inquiry.leadUserId': 'Lead User ID',
		'body.property.autoListingId': 'Auto Listing ID',
		'body.property.id': 'Property ID',
		'body.property.leadUserId': 'Lead User ID',
	}),
];

export const firstNameField = inBody({ displayName: 'First Name', name: 'firstName', type: 'string', default: '' });

export const lastNameField = inBody({ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' });

/** Comma-separated in the form, lists for Lofty. */
export const emailsField: INodeProperties = {
	displayName: 'Emails',
	name: 'emails',
	type: 'string',
	default: '',
	placeholder: 'jane@example.com',
	description: 'Email address of the lead; separate several with commas',
	routing: sendList('body', 'emails'),
};

export const phonesField: INodeProperties = {
	displayName: 'Phones',
	name: 'phones',
	type: 'string',
	default: '',
	placeholder: '+1 555 0100',
	description: 'Phone number of the lead (20 characters at most each); separate several with commas',
	routing: sendList('body', 'phones'),
};

/** Pickers loaded from the account, sent as the lead's fields (body) or as search filters (query). */
export function tagsPicker(name: string, displayName: string, description: string, type: 'body' | 'query'): INodeProperties {
	return accountOptions({ displayName, name, loadOptionsMethod: 'getTags', description, routing: { send: { type, property: name } } });
}

export function segmentsPicker(description: string, type: 'body' | 'query'): INodeProperties {
	return accountOptions({
		displayName: 'Segment Names or IDs',
		name: 'segments',
		loadOptionsMethod: 'getSegments',
		description,
		routing: { send: { type, property: 'segments' } },
	});
}

export function assignedAgentPicker(description: string, type: 'body' | 'query'): INodeProperties {
	return accountOption({
		displayName: 'Assigned Agent Name or ID',
		name: 'assignedUserId',
		loadOptionsMethod: 'getMemberUsers',
		description,
		routing: { send: { type, property: 'assignedUserId' } },
	});
}

/** Filters of all three lead searches; Get Many lists them among its own. */
export const searchFilter = {
	allTags: tagsPicker('allTags', 'All of Tag Names or IDs', 'Leads that have every one of these tags.', 'query'),
	anyTags: tagsPicker('anyTags', 'Any of Tag Names or IDs', 'Leads that have at least one of these tags.', 'query'),
	contacted: inQuery({
		displayName: 'Contacted',
		name: 'contacted',
		type: 'boolean',
		default: true,
		description: 'Whether the lead has been contacted',
	}),
	email: inQuery({
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Exact email address',
	}),
	groups: {
		displayName: 'Group Names',
		name: 'groups',
		type: 'string',
		default: '',
		placeholder: 'Buyers, Hot',
		description: 'Comma-separated group names; Lofty now calls groups segments, and this filter is kept for older accounts',
		routing: sendList('query', 'groups'),
	},
	phone: inQuery({
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		description: 'Exact phone number',
	}),
	segments: segmentsPicker('Segments the leads are in.', 'query'),
	source: inQuery({
		displayName: 'Source',
		name: 'source',
		type: 'string',
		default: '',
	}),
	stage: accountOptions({
		displayName: 'Stage Names or IDs',
		name: 'stage',
		loadOptionsMethod: 'getStages',
		description: 'Pipeline stages.',
		routing: { send: { type: 'query', property: 'stage' } },
	}),
} satisfies Record<string, INodeProperties>;

/** The Filters of Get Many by Create Time and by Update Time. */
export const timeSearchFilters: INodeProperties[] = [
	searchFilter.allTags,
	searchFilter.anyTags,
	searchFilter.contacted,
	searchFilter.email,
	searchFilter.groups,
	searchFilter.phone,
	searchFilter.segments,
	searchFilter.source,
	searchFilter.stage,
];

interface SinceSearch {
	operation: string;
	name: string;
	action: string;
	url: string;
	/** The time parameter, named as Lofty names it in the query. */
	parameter: string;
	label: string;
	description: string;
	/** The operation's description, which an AI Agent reads to pick it. */
	summary: string;
}

/** Get Many by Create Time and by Update Time: leads since a time, with the shared filters. */
export function searchSince(search: SinceSearch): OperationDescription {
	return {
		option: {
			name: search.name,
			value: search.operation,
			action: search.action,
			description: search.summary,
			routing: listRouting({ method: 'GET', url: search.url }, leadScroll, [], dateRules({ [`qs.${search.parameter}`]: { format: 'loftyWallTime', label: search.label } })),
		},
		description: forOperation(RESOURCE, search.operation, [
			...limitFields(LEAD_PAGE_SIZE),
			{
				displayName: search.label,
				name: search.parameter,
				type: 'dateTime',
				required: true,
				default: '',
				description: search.description,
				routing: { send: { type: 'query', property: search.parameter } },
			},
			{
				displayName: 'Filters',
				name: 'timeFilters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: timeSearchFilters,
			},
		]),
	};
}
