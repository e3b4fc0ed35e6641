import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { customFieldsProperty } from '../../shared/descriptions';
import { commaList, splitCommaList, valueTransform } from '../../shared/values';

/**
 * Lead profile fields shared by Create, Create or Update and Update
 * (LeadRequest and EditLeadRequest in the reference). Each one routes itself into the body.
 */

export const inquiryValues: INodeProperties[] = [
	{ displayName: 'Price Min', name: 'priceMin', type: 'number', default: 0 },
	{ displayName: 'Price Max', name: 'priceMax', type: 'number', default: 0 },
	{ displayName: 'Bedrooms Min', name: 'bedroomsMin', type: 'number', default: 0 },
	{ displayName: 'Bedrooms Max', name: 'bedroomsMax', type: 'number', default: 0 },
	{ displayName: 'Bathrooms Min', name: 'bathroomsMin', type: 'string', default: '' },
	{ displayName: 'Bathrooms Max', name: 'bathroomsMax', type: 'string', default: '' },
	{ displayName: 'Created At', name: 'createTime', type: 'dateTime', default: '', description: 'When the inquiry was made' },
	{ displayName: 'Inquiry ID', name: 'id', type: 'string', default: '', description: 'ID of an existing inquiry of the lead' },
	{ displayName: 'Lead User ID', name: 'leadUserId', type: 'string', default: '', description: "The lead's user ID" },
	{
		displayName: 'Modified by Agent',
		name: 'modifyByAgent',
		type: 'boolean',
		default: false,
		description: 'Whether an agent, not the lead, set this inquiry',
	},
	{ displayName: 'Updated At', name: 'updateTime', type: 'dateTime', default: '', description: 'When the inquiry last changed' },
	{
		displayName: 'Property Types',
		name: 'propertyType',
		type: 'string',
		default: '',
		placeholder: 'Single Family, Condo',
		description: 'Comma-separated property types the lead is looking for',
	},
	{
		displayName: 'Locations',
		name: 'locations',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Areas the lead is interested in; they also drive lead routing for non-seller leads',
		options: [
			{
				displayName: 'Location',
				name: 'location',
				values: [
					{ displayName: 'City', name: 'city', type: 'string', default: '' },
					{ displayName: 'County', name: 'county', type: 'string', default: '' },
					{ displayName: 'Description', name: 'description', type: 'string', default: '' },
					{ displayName: 'State Code', name: 'stateCode', type: 'string', default: '', placeholder: 'CA' },
					{ displayName: 'Street Address', name: 'streetAddress', type: 'string', default: '' },
					{ displayName: 'Zip Code', name: 'zipCode', type: 'string', default: '' },
				],
			},
		],
	},
];

/** Turns the Inquiry collection into Lofty's LeadInquiryReq. */
export const inquiryValue = valueTransform(
	'={{ (() => { const d = { ...$value }; if (d.propertyType) d.propertyType = String(d.propertyType).split(",").map(v => v.trim()).filter(v => v); if (d.locations) d.locations = d.locations.location || []; return d; })() }}',
	(value) => {
		const inquiry: IDataObject = { ...((value as IDataObject | undefined) ?? {}) };
		if (inquiry.propertyType) inquiry.propertyType = splitCommaList(inquiry.propertyType);
		if (inquiry.locations) inquiry.locations = (inquiry.locations as IDataObject).location || [];
		return inquiry;
	},
);

/** Family member rows, their comma-separated emails and phones as lists. */
const familyMembers = valueTransform(
	'={{ ($value.member || []).map(m => ({ ...m, emails: String(m.emails || "").split(",").map(v => v.trim()).filter(v => v), phones: String(m.phones || "").split(",").map(v => v.trim()).filter(v => v) })) }}',
	(value) =>
		(((value as IDataObject | undefined)?.member ?? []) as IDataObject[]).map((member) => ({
			...member,
			emails: splitCommaList(member.emails || ''),
			phones: splitCommaList(member.phones || ''),
		})),
);

export const propertyValues: INodeProperties[] = [
	{ displayName: 'Street Address', name: 'streetAddress', type: 'string', default: '' },
	{ displayName: 'Auto Listing ID', name: 'autoListingId', type: 'string', default: '', description: 'ID of the listing Lofty matched to the property' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'County', name: 'county', type: 'string', default: '' },
	{ displayName: 'Label List', name: 'labelList', type: 'string', default: '', description: 'The property\'s labels, as Lofty lists them' },
	{ displayName: 'Label Type', name: 'labelType', type: 'string', default: '' },
	{ displayName: 'Lead User ID', name: 'leadUserId', type: 'string', default: '', description: "The lead's user ID" },
	{ displayName: 'Property ID', name: 'id', type: 'string', default: '', description: 'ID of an existing property of the lead' },
	{ displayName: 'State', name: 'state', type: 'string', default: '' },
	{ displayName: 'Zip Code', name: 'zipCode', type: 'string', default: '' },
	{ displayName: 'Price', name: 'price', type: 'number', default: 0 },
	{ displayName: 'Price Min', name: 'priceMin', type: 'number', default: 0 },
	{ displayName: 'Price Max', name: 'priceMax', type: 'number', default: 0 },
	{ displayName: 'Bedrooms', name: 'bedrooms', type: 'number', default: 0 },
	{ displayName: 'Bathrooms', name: 'bathrooms', type: 'number', default: 0 },
	{ displayName: 'Square Feet', name: 'squareFeet', type: 'number', default: 0 },
	{ displayName: 'Lot Size (Acres)', name: 'lotSize', type: 'number', default: 0 },
	{ displayName: 'Floors', name: 'floors', type: 'number', default: 0 },
	{ displayName: 'Parking Spaces', name: 'parkingSpace', type: 'number', default: 0 },
	{ displayName: 'Property Type', name: 'propertyType', type: 'string', default: '' },
	{ displayName: 'Listing ID', name: 'listingId', type: 'string', default: '' },
	{ displayName: 'Listing Status', name: 'listingStatus', type: 'string', default: '' },
	{ displayName: 'Label', name: 'label', type: 'string', default: '' },
	{ displayName: 'Note', name: 'note', type: 'string', default: '' },
	{ displayName: 'Picture URL', name: 'pictureUrl', type: 'string', default: '' },
	{ displayName: 'Listing URL', name: 'siteListingUrl', type: 'string', default: '' },
	{ displayName: 'Is Mailing Address', name: 'mailAddress', type: 'boolean', default: false },
];

export const leadTypeOptions = [
	{ name: 'Buyer', value: 2 },
	{ name: 'Buyer & Seller', value: 3 },
	{ name: 'Other', value: -1 },
	{ name: 'Renter', value: 5 },
	{ name: 'Seller', value: 1 },
];

/** Fields of both LeadRequest (create) and EditLeadRequest (update). */
export const leadProfileFields: INodeProperties[] = [
	{
		displayName: 'Assigned Agent Name or ID',
		name: 'assignedUserId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getMemberUsers' },
		default: '',
		description:
			'Agent the lead is assigned to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'assignedUserId' } },
	},
	{
		displayName: 'Birthday',
		name: 'birthday',
		type: 'dateTime',
		default: '',
		routing: { send: { type: 'body', property: 'birthday' } },
	},
	{
		displayName: 'Buy a House',
		name: 'buyHouse',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'buyHouse' } },
	},
	{
		displayName: 'Buying Time Frame',
		name: 'buyingTimeFrame',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'buyingTimeFrame' } },
	},
	{
		displayName: 'Cannot Call',
		name: 'cannotCall',
		type: 'boolean',
		default: false,
		description: 'Whether the lead must not be called',
		routing: { send: { type: 'body', property: 'cannotCall' } },
	},
	{
		displayName: 'Cannot Email',
		name: 'cannotEmail',
		type: 'boolean',
		default: false,
		description: 'Whether the lead must not be emailed',
		routing: { send: { type: 'body', property: 'cannotEmail' } },
	},
	{
		displayName: 'Cannot Text',
		name: 'cannotText',
		type: 'boolean',
		default: false,
		description: 'Whether the lead must not be texted',
		routing: { send: { type: 'body', property: 'cannotText' } },
	},
	{
		displayName: 'City',
		name: 'city',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'city' } },
	},
	customFieldsProperty({
		name: 'customAttributes',
		keyField: 'attributeName',
		loadOptionsMethod: 'getCustomFields',
		bodyProperty: 'customAttributeList',
	}),
	{
		displayName: 'Family Members',
		name: 'familyMembers',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, maxAllowedFields: 4 },
		default: {},
		description: 'Up to 4 family members',
		options: [
			{
				displayName: 'Family Member',
				name: 'member',
				values: [
					{ displayName: 'Birthday', name: 'birthday', type: 'dateTime', default: '' },
					{
						displayName: 'Emails',
						name: 'emails',
						type: 'string',
						default: '',
						description: 'Comma-separated email addresses',
					},
					{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
					{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
					{
						displayName: 'Phones',
						name: 'phones',
						type: 'string',
						default: '',
						description: 'Comma-separated phone numbers',
					},
					{
						displayName: 'Relationship',
						name: 'relationship',
						type: 'string',
						default: '',
						placeholder: 'Husband',
					},
				],
			},
		],
		routing: {
			send: {
				type: 'body',
				property: 'leadFamilyMemberList',
				value: familyMembers,
			},
		},
	},
	{
		displayName: 'First Time Home Buyer',
		name: 'fthb',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'fthb' } },
	},
	{
		displayName: 'House to Sell',
		name: 'houseToSell',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'houseToSell' } },
	},
	{
		// A collection, not a fixed collection: only the fields the user adds are sent.
		displayName: 'Inquiry',
		name: 'inquiry',
		type: 'collection',
		placeholder: 'Add Inquiry Field',
		default: {},
		description: 'What the lead is looking for',
		options: inquiryValues,
		routing: { send: { type: 'body', property: 'inquiry', value: inquiryValue } },
	},
	{
		displayName: 'Is Private',
		name: 'isPrivate',
		type: 'boolean',
		default: false,
		description: 'Whether the lead is private',
		routing: { send: { type: 'body', property: 'isPrivate' } },
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: '',
		placeholder: 'en',
		description: 'Abbreviated language of the lead',
		routing: { send: { type: 'body', property: 'language' } },
	},
	{
		displayName: 'Lead Type',
		name: 'leadType',
		type: 'options',
		options: leadTypeOptions,
		default: 2,
		routing: { send: { type: 'body', property: 'leadType' } },
	},
	{
		displayName: 'Lead Types',
		name: 'leadTypes',
		type: 'multiOptions',
		options: [
			{ name: 'Agent', value: 7 },
			{ name: 'Buyer', value: 2 },
			{ name: 'Homeowner', value: 8 },
			{ name: 'Investor', value: 6 },
			{ name: 'Landlord', value: 9 },
			{ name: 'Other', value: -1 },
			{ name: 'Renter', value: 5 },
			{ name: 'Seller', value: 1 },
		],
		default: [],
		routing: { send: { type: 'body', property: 'leadTypes' } },
	},
	{
		displayName: 'Mortgage',
		name: 'mortgage',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'mortgage' } },
	},
	{
		displayName: 'Pre-Qualified',
		name: 'preQual',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'preQual' } },
	},
	{
		displayName: 'Property',
		name: 'property',
		type: 'collection',
		placeholder: 'Add Property Field',
		default: {},
		description: "The lead's property; for sellers it drives lead routing",
		options: propertyValues,
		routing: { send: { type: 'body', property: 'property' } },
	},
	{
		displayName: 'Referred By',
		name: 'referredBy',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'referredBy' } },
	},
	{
		displayName: 'Segment Names or IDs',
		name: 'segments',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSegments' },
		default: [],
		description:
			'Segments the lead is in. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'segments' } },
	},
	{
		displayName: 'Selling Time Frame',
		name: 'sellingTimeFrame',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'sellingTimeFrame' } },
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'source' } },
	},
	{
		displayName: 'Stage Name or ID',
		name: 'stage',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getStages' },
		default: '',
		description:
			'Pipeline stage, under 20 characters. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'stage' } },
	},
	{
		displayName: 'State',
		name: 'state',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'state' } },
	},
	{
		displayName: 'Street Address',
		name: 'streetAddress',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'streetAddress' } },
	},
	{
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		description:
			'Tags of the lead; on update they replace all existing tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'tags' } },
	},
	{
		displayName: 'Unsubscribed From Email',
		name: 'unsubscription',
		type: 'boolean',
		default: false,
		description: 'Whether the lead is unsubscribed from email',
		routing: { send: { type: 'body', property: 'unsubscription' } },
	},
	{
		displayName: 'With Buyer Agent',
		name: 'withBuyerAgent',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'withBuyerAgent' } },
	},
	{
		displayName: 'With Listing Agent',
		name: 'withListingAgent',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'withListingAgent' } },
	},
	{
		displayName: 'Zip Code',
		name: 'zipCode',
		type: 'string',
		default: '',
		routing: { send: { type: 'body', property: 'zipCode' } },
	},
];

/** LeadRequest only: flags Lofty applies when the lead is created. */
export const leadCreateOnlyFields: INodeProperties[] = [
	{
		displayName: 'Routing Group ID',
		name: 'assignGroupId',
		type: 'number',
		default: 0,
		description: 'Group whose routing rule applies; -1 uses the company routing rule',
		routing: { send: { type: 'body', property: 'assignGroupId' } },
	},
	{
		displayName: 'Hide Vendor ID',
		name: 'hideVendorId',
		type: 'number',
		default: 0,
		routing: { send: { type: 'body', property: 'hideVendorId' } },
	},
	{
		displayName: 'Note',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'A note added to the new lead',
		routing: { send: { type: 'body', property: 'content' } },
	},
	{
		displayName: 'Pin Note',
		name: 'isPin',
		type: 'boolean',
		default: false,
		description: 'Whether to pin the note',
		routing: { send: { type: 'body', property: 'isPin' } },
	},
	{
		displayName: 'Send New Lead Alert',
		name: 'leadAlert',
		type: 'boolean',
		default: false,
		description: 'Whether Lofty emails the assigned agent a new-lead alert (really sends email)',
		routing: { send: { type: 'body', property: 'leadAlert' } },
	},
	{
		displayName: 'Send Welcome Email',
		name: 'welcomeEmail',
		type: 'boolean',
		default: false,
		description: 'Whether Lofty emails the lead a welcome message (really sends email)',
		routing: { send: { type: 'body', property: 'welcomeEmail' } },
	},
	{
		displayName: 'Use Lead Routing',
		name: 'leadRouting',
		type: 'boolean',
		default: false,
		description: 'Whether Lofty assigns the lead through its lead routing rules',
		routing: { send: { type: 'body', property: 'leadRouting' } },
	},
];

/** EditLeadRequest only. */
export const leadUpdateOnlyFields: INodeProperties[] = [
	{
		displayName: 'Add Tag Names or IDs',
		name: 'tagsAdd',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		description:
			'Tags added while keeping the existing ones. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'tagsAdd' } },
	},
];

export const emailsAndPhones: INodeProperties[] = [
	{
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		default: '',
		placeholder: 'jane@example.com',
		description: 'Email address of the lead; separate several with commas',
		routing: { send: { type: 'body', property: 'emails', value: commaList } },
	},
	{
		displayName: 'Phones',
		name: 'phones',
		type: 'string',
		default: '',
		placeholder: '+1 555 0100',
		description: 'Phone number of the lead (20 characters at most each); separate several with commas',
		routing: { send: { type: 'body', property: 'phones', value: commaList } },
	},
];

export const leadDateFields = {
	'body.birthday': { format: 'birthday', label: 'Birthday' },
	'body.leadFamilyMemberList[].birthday': { format: 'birthday', label: 'Family Members > Birthday' },
} as const;
