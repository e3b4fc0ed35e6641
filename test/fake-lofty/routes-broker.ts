/**
 * Routes of one Lofty resource group (to be filled in with its handlers and store).
 */
import type { Router } from './router';

export function registerBrokerRoutes(router: Router): void {
	void router;
}
