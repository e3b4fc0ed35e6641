import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import { recordsOf } from '../shared/pagination';
import type { LoftyContext } from '../shared/transport';
import { loftyRequest } from '../shared/transport';

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The reference types some answers as `string`: JSON text is read as the object it holds. */
export function parseJsonText(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (!text.startsWith('{') && !text.startsWith('[')) return body;
	try {
		return jsonParse(text);
	} catch {
		return body;
	}
}

/**
 * Refuses an update that would send nothing to change (only the keys in `except`),
 * after compactBody dropped the empty fields. Runs last.
 */
export function requireChanges(label: string, except: string[] = []): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const body = isObject(requestOptions.body) ? requestOptions.body : {};
		if (Object.keys(body).every((key) => except.includes(key))) {
			throw new NodeOperationError(this.getNode(), `Add at least one field to "${label}"`, {
				itemIndex: this.getItemIndex(),
				description: 'There is nothing to change. Nothing was sent to Lofty.',
			});
		}
		return requestOptions;
	};
}

/** Get by Account: the member object, whether Lofty sends it as JSON or as JSON text. */
export async function getMemberByAccount(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const response = await loftyRequest(this as unknown as LoftyContext, requestData.options as IHttpRequestOptions, itemIndex);
	const body = parseJsonText(response.body);
	if (body === undefined || body === null || (typeof body === 'string' && body.trim() === '')) {
		const account = String(this.getNodeParameter('account', '')).trim();
		throw new NodeOperationError(this.getNode(), `Lofty found no member with the account "${account}"`, {
			itemIndex,
			description: 'Lofty answered without a member. Check the email address of the account.',
		});
	}
	return recordsOf(body).map((json) => ({ json }));
}
