/** Lofty webhook lists (reference section 5.12, newer lists from Lofty's later docs). */
export const WEBHOOK_LISTS = [
	{ id: 1, name: 'Agent', record: 'agent', newer: false },
	{ id: 2, name: 'Lead Information', record: 'lead', newer: false },
	{ id: 3, name: 'Lead Activity', record: 'lead', newer: false },
	{ id: 4, name: 'Listing Alert', record: 'lead', newer: false },
	{ id: 5, name: 'Transaction', record: 'lead', newer: true },
	{ id: 6, name: 'Call', record: 'lead', newer: true },
	{ id: 7, name: 'Email', record: 'lead', newer: true },
	{ id: 8, name: 'Text', record: 'lead', newer: true },
	{ id: 9, name: 'Note', record: 'lead', newer: true },
	{ id: 10, name: 'Task', record: 'lead', newer: true },
	{ id: 11, name: 'Appointment', record: 'lead', newer: true },
	{ id: 12, name: 'Pipeline Change', record: 'lead', newer: true },
] as const;

export const MAX_EVENTS_PER_CALLBACK = 5000;

export function listName(listId: unknown): string {
	return WEBHOOK_LISTS.find((list) => list.id === Number(listId))?.name ?? `List ${String(listId)}`;
}

export function recordKind(listId: unknown): 'agent' | 'lead' | undefined {
	return WEBHOOK_LISTS.find((list) => list.id === Number(listId))?.record;
}
