/**
 * Errors thrown by route handlers. The server turns them into JSON answers shaped like
 * Lofty's: `{"code": <status>, "message": "..."}`.
 */
export class LoftyError extends Error {
	readonly status: number;
	readonly body: unknown;

	constructor(status: number, body: unknown) {
		super(typeof body === 'object' && body !== null && 'message' in body ? String((body as { message: unknown }).message) : `HTTP ${status}`);
		this.status = status;
		this.body = body;
	}
}

export function badRequest(message: string): LoftyError {
	return new LoftyError(400, { code: 400, message });
}

export function notFound(message: string): LoftyError {
	return new LoftyError(404, { code: 404, message });
}

export const LEAD_NOT_FOUND_MESSAGE = 'Lead not found';

export function leadNotFound(): LoftyError {
	return notFound(LEAD_NOT_FOUND_MESSAGE);
}

export const LIMIT_NOT_VALID = 'LIMIT_NOT_VALID';
