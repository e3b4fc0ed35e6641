import { loftyLoadOptions } from './loadOptions';

/** The `methods` of every Lofty node: dropdowns loaded from the account. */
export const loftyMethods = {
	loadOptions: loftyLoadOptions,
};
