import type { INodeProperties } from 'n8n-workflow';

import { customFieldsProperty } from '../../../shared/descriptions';
import { accountOption } from '../../../shared/fields';
import { sendReshaped } from '../../../shared/routing';
import { familyMembersOf, inBody, inquiryOf } from '../../LoftyLeadFunctions';
import { CREATE_ONLY_FIELDS } from './createOnly';
import { assignedAgentPicker, emailsField, firstNameField, lastNameField, phonesField, segmentsPicker, tagsPicker } from './shared';

/**
 * The lead's profile: the fields of Create and Create or Update (Additional Fields, LeadRequest)
 * and of Update (Update Fields, EditLeadRequest). Each one routes itself into the body, in
 * Lofty's shape where the form collects it in its own.
 */

/** One location of an inquiry (LeadInquiryReq.locations). */
export const locationValues: INodeProperties[] = [
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'County', name: 'county', type: 'string', default: '' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{ displayName: 'State Code', name: 'stateCode', type: 'string', default: '', placeholder: 'CA' },
	{ displayName: 'Street Address', name: 'streetAddress', type: 'string', default: '' },
	{ displayName: 'Zip Code', name: 'zipCode', type: 'string', default: '' },
];

/** LeadInquiryReq, as the Inquiry of a lead and (without its lists) the body of Place Inquiry. */
export const inquiryValues: INodeProperties[] = [
	{ displayName: 'Bathrooms Max', name: 'bathroomsMax', type: 'string', default: '' },
	{ displayName: 'Bathrooms Min', name: 'bathroomsMin', type: 'string', default: '' },
	{ displayName: 'Bedrooms Max', name: 'bedroomsMax', type: 'number', default: 0 },
	{ displayName: 'Bedrooms Min', name: 'bedroomsMin', type: 'number', default: 0 },
	{ displayName: 'Created At', name: 'createTime', type: 'dateTime', default: '', description: 'When the inquiry was made' },
	{ displayName: 'Inquiry ID', name: 'id', type: 'string', default: '', description: 'ID of an existing inquiry of the lead' },
	{ displayName: 'Lead User ID', name: 'leadUserId', type: 'string', default: '', description: "The lead's user ID" },
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
				values: locationValues,
			},
		],
	},
	{
		displayName: 'Modified by Agent',
		name: 'modifyByAgent',
		type: 'boolean',
		default: false,
		description: 'Whether an agent, not the lead, set this inquiry',
	},
	{ displayName: 'Price Max', name: 'priceMax', type: 'number', default: 0 },
	{ displayName: 'Price Min', name: 'priceMin', type: 'number', default: 0 },
	{
		displayName: 'Property Types',
		name: 'propertyType',
		type: 'string',
		default: '',
		placeholder: 'Single Family, Condo',
		description: 'Comma-separated property types the lead is looking for',
	},
	{ displayName: 'Updated At', name: 'updateTime', type: 'dateTime', default: '', description: 'When the inquiry last changed' },
];

/** LeadPropertyReq, as the Property of a lead and the body of Place Property. */
export const propertyValues: INodeProperties[] = [
	{ displayName: 'Auto Listing ID', name: 'autoListingId', type: 'string', default: '', description: 'ID of the listing Lofty matched to the property' },
	{ displayName: 'Bathrooms', name: 'bathrooms', type: 'number', default: 0 },
	{ displayName: 'Bedrooms', name: 'bedrooms', type: 'number', default: 0 },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'County', name: 'county', type: 'string', default: '' },
	{ displayName: 'Floors', name: 'floors', type: 'number', default: 0 },
	{ displayName: 'Is Mailing Address', name: 'mailAddress', type: 'boolean', default: false },
	{ displayName: 'Label', name: 'label', type: 'string', default: '' },
	{ displayName: 'Label List', name: 'labelList', type: 'string', default: '', description: 'The property\'s labels, as Lofty lists them' },
	{ displayName: 'Label Type', name: 'labelType', type: 'string', default: '' },
	{ displayName: 'Lead User ID', name: 'leadUserId', type: 'string', default: '', description: "The lead's user ID" },
	{ displayName: 'Listing ID', name: 'listingId', type: 'string', default: '' },
	{ displayName: 'Listing Status', name: 'listingStatus', type: 'string', default: '' },
	{ displayName: 'Listing URL', name: 'siteListingUrl', type: 'string', default: '' },
	{ displayName: 'Lot Size (Acres)', name: 'lotSize', type: 'number', default: 0 },
	{ displayName: 'Note', name: 'note', type: 'string', default: '' },
	{ displayName: 'Parking Spaces', name: 'parkingSpace', type: 'number', default: 0 },
	{ displayName: 'Picture URL', name: 'pictureUrl', type: 'string', default: '' },
	{ displayName: 'Price', name: 'price', type: 'number', default: 0 },
	{ displayName: 'Price Max', name: 'priceMax', type: 'number', default: 0 },
	{ displayName: 'Price Min', name: 'priceMin', type: 'number', default: 0 },
	{ displayName: 'Property ID', name: 'id', type: 'string', default: '', description: 'ID of an existing property of the lead' },
	{ displayName: 'Property Type', name: 'propertyType', type: 'string', default: '' },
	{ displayName: 'Square Feet', name: 'squareFeet', type: 'number', default: 0 },
	{ displayName: 'State', name: 'state', type: 'string', default: '' },
	{ displayName: 'Street Address', name: 'streetAddress', type: 'string', default: '' },
	{ displayName: 'Zip Code', name: 'zipCode', type: 'string', default: '' },
];

/** A profile field that goes into the body under its own name. */
function bodyField(displayName: string, name: string, type: 'string' | 'boolean' | 'dateTime', description?: string): INodeProperties {
	return inBody({ displayName, name, type, default: type === 'boolean' ? false : '', description });
}

type Form = 'create' | 'update';

/**
 * The fields both profile forms share, and (marked) those only Update's has: its names, emails
 * and phones are top-level fields of Create. Create's own are the create-only flags (createOnly.ts).
 */
const PROFILE: Array<INodeProperties | ['update', INodeProperties]> = [
	['update', tagsPicker('tagsAdd', 'Add Tag Names or IDs', 'Tags added while keeping the existing ones.', 'body')],
	assignedAgentPicker('Agent the lead is assigned to.', 'body'),
	bodyField('Birthday', 'birthday', 'dateTime'),
	bodyField('Buy a House', 'buyHouse', 'string'),
	bodyField('Buying Time Frame', 'buyingTimeFrame', 'string'),
	bodyField('Cannot Call', 'cannotCall', 'boolean', 'Whether the lead must not be called'),
	bodyField('Cannot Email', 'cannotEmail', 'boolean', 'Whether the lead must not be emailed'),
	bodyField('Cannot Text', 'cannotText', 'boolean', 'Whether the lead must not be texted'),
	bodyField('City', 'city', 'string'),
	customFieldsProperty({
		name: 'customAttributes',
		keyField: 'attributeName',
		loadOptionsMethod: 'getCustomFields',
		bodyProperty: 'customAttributeList',
	}),
	['update', emailsField],
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
		routing: sendReshaped('body', 'leadFamilyMemberList', familyMembersOf),
	},
	['update', firstNameField],
	bodyField('First Time Home Buyer', 'fthb', 'string'),
	bodyField('House to Sell', 'houseToSell', 'string'),
	{
		// A collection, not a fixed collection: only the fields the user adds are sent.
		displayName: 'Inquiry',
		name: 'inquiry',
		type: 'collection',
		placeholder: 'Add Inquiry Field',
		default: {},
		description: 'What the lead is looking for',
		options: inquiryValues,
		routing: sendReshaped('body', 'inquiry', inquiryOf),
	},
	bodyField('Is Private', 'isPrivate', 'boolean', 'Whether the lead is private'),
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: '',
		placeholder: 'en',
		description: 'Abbreviated language of the lead',
		routing: { send: { type: 'body', property: 'language' } },
	},
	['update', lastNameField],
	{
		displayName: 'Lead Type',
		name: 'leadType',
		type: 'options',
		options: [
			{ name: 'Buyer', value: 2 },
			{ name: 'Buyer & Seller', value: 3 },
			{ name: 'Other', value: -1 },
			{ name: 'Renter', value: 5 },
			{ name: 'Seller', value: 1 },
		],
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
	bodyField('Mortgage', 'mortgage', 'string'),
	['update', phonesField],
	bodyField('Pre-Qualified', 'preQual', 'string'),
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
	bodyField('Referred By', 'referredBy', 'string'),
	segmentsPicker('Segments the lead is in.', 'body'),
	bodyField('Selling Time Frame', 'sellingTimeFrame', 'string'),
	bodyField('Source', 'source', 'string'),
	accountOption({
		displayName: 'Stage Name or ID',
		name: 'stage',
		loadOptionsMethod: 'getStages',
		description: 'Pipeline stage, under 20 characters.',
		routing: { send: { type: 'body', property: 'stage' } },
	}),
	bodyField('State', 'state', 'string'),
	bodyField('Street Address', 'streetAddress', 'string'),
	tagsPicker('tags', 'Tag Names or IDs', 'Tags of the lead; on update they replace all existing tags.', 'body'),
	bodyField('Unsubscribed From Email', 'unsubscription', 'boolean', 'Whether the lead is unsubscribed from email'),
	bodyField('With Buyer Agent', 'withBuyerAgent', 'string'),
	bodyField('With Listing Agent', 'withListingAgent', 'string'),
	bodyField('Zip Code', 'zipCode', 'string'),
];

/** The fields of one profile form, in alphabetical order. */
export function profileFields(form: Form): INodeProperties[] {
	const shared = PROFILE.flatMap((entry) => (Array.isArray(entry) ? (form === 'update' ? [entry[1]] : []) : [entry]));
	const fields = form === 'create' ? [...shared, ...CREATE_ONLY_FIELDS] : shared;
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName, 'en'));
}

/** The Additional Fields of Create and of Create or Update. */
export const createAdditionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: profileFields('create'),
};
