import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemContext } from '../shared/hooks';
import { preSend, sendHook } from '../shared/hooks';
import { loftyRequest } from '../shared/transport';

/** Attribute types that carry a list of choices in `params`. */
export const SELECT_TYPES = ['select', 'multi_select'];

function refuse(ctx: ItemContext, message: string, description: string): never {
	throw new NodeOperationError(ctx.getNode(), message, {
		itemIndex: ctx.getItemIndex(),
		description: `${description} Nothing was sent to Lofty.`,
	});
}

/**
 * CustomAttribute.params is a string holding {"option": [...]}: built from the Options list,
 * required for select types and left out for the others.
 */
export const selectOptionsToParams = preSend(async function (requestOptions) {
	const type = String(this.getNodeParameter('attributeType', '')).trim();
	const body = (requestOptions.body ?? {}) as IDataObject;
	if (!SELECT_TYPES.includes(type)) {
		delete body.params;
		return requestOptions;
	}
	const entries = (this.getNodeParameter('selectOptions.option', []) ?? []) as IDataObject[];
	const options = entries.map((entry) => String(entry.value ?? '').trim());
	if (options.length === 0) {
		refuse(this, '"Options" is required for a select field', 'Add at least one option the field can take.');
	}
	if (options.some((option) => option === '')) {
		refuse(this, '"Options" has an empty option', 'Every option needs a text.');
	}
	const duplicate = options.find((option, index) => options.indexOf(option) !== index);
	if (duplicate !== undefined) {
		refuse(this, `"Options" lists "${duplicate}" twice`, 'Each option may appear only once.');
	}
	body.params = JSON.stringify({ option: options });
	requestOptions.body = body;
	return requestOptions;
});

/**
 * Create Custom Field answers with a bare string (the reference says "string"): output the
 * field as Lofty lists it, plus the new id when the answer is one, or Lofty's text otherwise.
 */
export const createCustomField = sendHook(async function (requestData) {
	const options = requestData.options as IHttpRequestOptions;
	const response = await loftyRequest(this, options, this.getItemIndex());
	const sent = (options.body ?? {}) as IDataObject;
	const field: IDataObject = {
		attributeName: sent.attributeName,
		attributeType: sent.attributeType,
		params: sent.params ?? '',
	};
	const answer = response.body;
	if (Array.isArray(answer)) return [{ json: { ...field, result: answer as IDataObject[] } }];
	if (typeof answer === 'object' && answer !== null) return [{ json: { ...field, ...(answer as IDataObject) } }];
	const text = answer === undefined || answer === null ? '' : String(answer).trim();
	if (/^\d+$/.test(text)) return [{ json: { ...field, customFieldId: text } }];
	return [{ json: text === '' ? { ...field, success: true } : { ...field, result: text } }];
});
