import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { preSend, sendHook } from '../shared/hooks';
import { isObject } from '../shared/objects';
import { recordsOf } from '../shared/send';
import { loftyRequest } from '../shared/transport';

const FILE_LISTS = [
	['personalAttachments', 'Personal Attachments'],
	['personalDisclaimers', 'Personal Disclaimers'],
] as const;

// Unlike the shared asObject, a list counts as no fields here.
const asObject = (value: unknown): IDataObject => (isObject(value) ? value : {});

/** Work Info's group as WorkInfo, keeping the file lists the file fields put inside it. */
export function workInfoOf(value: unknown): IDataObject {
	const { details, ...lists } = asObject(value);
	return { ...lists, ...asObject(details) };
}

/** The photo rows as Lofty's list of URLs. */
export function photoUrlsOf(value: unknown): unknown[] {
	return ((asObject(value).photo || []) as IDataObject[]).map((photo) => photo.url);
}

/** FileInfo entries need their link; a size left at 0 means "not given". */
export const tidyFiles = preSend(async function (requestOptions) {
	const workInfo = asObject(asObject(requestOptions.body).workInfo);
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
});

/**
 * Create: the reference gives no answer schema. A Result«long» {data, errorCode, errorMsg}
 * is unwrapped to the new agent's id (an error code other than 0 fails the item), a bare id
 * becomes {agentId}, and an object is passed on. The name and email sent are added.
 */
export const createAgent = sendHook(async function (requestData) {
	const itemIndex = this.getItemIndex();
	const options = requestData.options as IHttpRequestOptions;
	const response = await loftyRequest(this, options, itemIndex);
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
});
