import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { recordsOf } from '../shared/pagination';
import type { LoftyContext } from '../shared/transport';
import { loftyRequest } from '../shared/transport';

const FILE_LISTS = [
	['personalAttachments', 'Personal Attachments'],
	['personalDisclaimers', 'Personal Disclaimers'],
] as const;

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** FileInfo entries need their link; a size left at 0 means "not given". */
export async function tidyFiles(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = isObject(requestOptions.body) ? requestOptions.body : {};
	const workInfo = isObject(body.workInfo) ? body.workInfo : {};
	for (const [key, label] of FILE_LISTS) {
		const files = workInfo[key];
		if (!Array.isArray(files)) continue;
		workInfo[key] = files.map((entry, index) => {
			const file = { ...(entry as IDataObject) };
			if (typeof file.queryLink !== 'string' || file.queryLink.trim() === '') {
				throw new NodeOperationError(this.getNode(), `"${label}" file ${index + 1} needs a URL`, {
					itemIndex: this.getItemIndex(),
					description: 'Give the link Lofty can fetch the file from. Nothing was sent to Lofty.',
				});
			}
			if (!file.size) delete file.size;
			return file;
		});
	}
	return requestOptions;
}

/**
 * Create: the reference gives no answer schema. A Result«long» {data, errorCode, errorMsg}
 * is unwrapped to the new agent's id (an error code other than 0 fails the item), a bare id
 * becomes {agentId}, and an object is passed on. The name and email sent are added.
 */
export async function createAgent(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const options = requestData.options as IHttpRequestOptions;
	const response = await loftyRequest(this as unknown as LoftyContext, options, itemIndex);
	const sent = isObject(options.body) && isObject(options.body.accountInfo) ? options.body.accountInfo : {};
	const who: IDataObject = { emailAddress: sent.emailAddress, firstName: sent.firstName, lastName: sent.lastName };

	let body = response.body;
	if (isObject(body) && ('errorCode' in body || 'errorMsg' in body)) {
		const code = body.errorCode;
		if (code !== undefined && code !== null && String(code) !== '0' && String(code) !== '200') {
			throw new NodeOperationError(this.getNode(), `Lofty refused the agent: ${String(body.errorMsg || `error code ${String(code)}`)}`, {
				itemIndex,
				description: `Lofty answered with error code ${String(code)}`,
			});
		}
		body = body.data;
	}
	if (typeof body === 'number' || (typeof body === 'string' && /^\d+$/.test(body.trim()))) {
		return [{ json: { agentId: String(body).trim(), ...who } }];
	}
	return recordsOf(body).map((record) => ({ json: { ...who, ...record } }));
}
