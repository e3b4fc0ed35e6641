// Small builders for the workflow JSON the e2e suite imports into n8n.

import { randomUUID } from 'node:crypto';

import { TYPE_PREFIX } from '../../scripts/lib/package.mjs';

/** The API-key credential every e2e workflow uses (ids stay short: n8n keeps them <= 21 chars). */
export const CREDENTIAL = { id: 'loftyE2eKey', name: 'Lofty Sandbox (e2e)' };

export function credentialRecord(baseUrl, apiKey, credential = CREDENTIAL) {
	return { id: credential.id, name: credential.name, type: 'loftyApi', data: { apiKey, baseUrl } };
}

/** A node of this package (`loftyLead` -> `n8n-nodes-lofty.loftyLead`) with the e2e credential. */
export function loftyNode(name, typeName, parameters, position = [0, 0], credential = CREDENTIAL) {
	return {
		id: randomUUID(),
		name,
		type: `${TYPE_PREFIX}${typeName}`,
		typeVersion: 1,
		position,
		parameters: { authentication: 'apiKey', ...parameters },
		credentials: { loftyApi: { id: credential.id, name: credential.name } },
	};
}

export function coreNode(name, type, parameters = {}, position = [0, 0], typeVersion = 1) {
	return { id: randomUUID(), name, type: `n8n-nodes-base.${type}`, typeVersion, position, parameters };
}

export const manualTrigger = (name = 'Start') => coreNode(name, 'manualTrigger', {}, [0, 0]);

/** Connections: `from` feeds every node of `to` (first output to first input). */
export function connect(connections, from, to) {
	const targets = Array.isArray(to) ? to : [to];
	connections[from] ??= { main: [[]] };
	for (const target of targets) connections[from].main[0].push({ node: target, type: 'main', index: 0 });
	return connections;
}

/** n8n workflow JSON as `n8n import:workflow` takes it (1.x needs versionId). */
export function workflow({ id, name, nodes, connections = {}, active = false }) {
	return {
		id,
		name,
		active,
		versionId: randomUUID(),
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
		meta: { templateCredsSetupCompleted: true },
		tags: [],
	};
}

/** A straight line of nodes, each fed by the one before; positions laid out left to right. */
export function line(id, name, nodes) {
	const connections = {};
	nodes.forEach((node, index) => {
		node.position = [index * 240, 0];
		if (index > 0) connect(connections, nodes[index - 1].name, node.name);
	});
	return workflow({ id, name, nodes, connections });
}

/** A node of n8n's AI package (`agent` -> `@n8n/n8n-nodes-langchain.agent`). */
export function langchainNode(name, type, parameters = {}, position = [0, 0], typeVersion = 1) {
	return { id: randomUUID(), name, type: `@n8n/n8n-nodes-langchain.${type}`, typeVersion, position, parameters };
}

/** A sub-node connection (`ai_languageModel`, `ai_tool`, ...): `from` plugs into `to`. */
export function connectSubNode(connections, from, to, type) {
	connections[from] ??= {};
	connections[from][type] ??= [[]];
	connections[from][type][0].push({ node: to, type, index: 0 });
	return connections;
}
