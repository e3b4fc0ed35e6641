import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { ROOT, fs, path } from './node';

const { existsSync, readFileSync } = fs;
const { join } = path;

export interface CatalogueEndpoint {
	group: string;
	title: string;
	method: string;
	path: string;
	pagination?: string;
}

/** The reference's endpoint list as kept beside the repository (../shared), when it is there. */
export const SHARED_CATALOGUE = join(ROOT, '..', 'shared', 'lofty-endpoints.json');
/** A copy in the repository, for checkouts without ../shared (e.g. the publish workflow). */
export const CATALOGUE_COPY = join(ROOT, 'test', 'fixtures', 'lofty-endpoints.json');

export function loadCatalogue(): CatalogueEndpoint[] {
	const file = existsSync(SHARED_CATALOGUE) ? SHARED_CATALOGUE : CATALOGUE_COPY;
	return JSON.parse(readFileSync(file, 'utf8')) as CatalogueEndpoint[];
}

/** "/v1.0/leads/{leadId}" and "=/v1.0/leads/{{$parameter.leadId}}" both become "/v1.0/leads/{}". */
export function normalisePath(path: string): string {
	return path
		.replace(/^=/, '')
		.replace(/\{\{.*?\}\}/g, '{}')
		.replace(/\{[A-Za-z_]+\}/g, '{}')
		.replace(/\/+$/, '');
}

export interface ReachableOperation {
	node: string;
	resource: string;
	operation: string;
	method: string;
	path: string;
}

/** Every method + path an operation of these nodes routes to, read from their descriptions. */
export function reachableOperations(nodeTypes: INodeType[]): ReachableOperation[] {
	const found: ReachableOperation[] = [];
	for (const nodeType of nodeTypes) {
		const { description } = nodeType;
		for (const property of description.properties as INodeProperties[]) {
			if (property.name !== 'operation' || property.type !== 'options') continue;
			const resource = String(property.displayOptions?.show?.resource?.[0] ?? '');
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				const request = option.routing?.request;
				if (!request?.url) continue;
				found.push({
					node: description.displayName,
					resource,
					operation: String(option.value),
					method: String(request.method ?? 'GET').toUpperCase(),
					path: normalisePath(String(request.url)),
				});
			}
		}
	}
	return found;
}

export function coverage(catalogue: CatalogueEndpoint[], operations: ReachableOperation[]) {
	return catalogue.map((endpoint) => {
		const via = operations.filter(
			(op) => op.method === endpoint.method && op.path === normalisePath(endpoint.path),
		);
		return { endpoint, via };
	});
}
