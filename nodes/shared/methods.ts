import { loftyListSearch } from './listSearch';
import { loftyLoadOptions } from './loadOptions';

/** The `methods` of every Lofty node: dropdowns loaded from the account, and record pickers' lists. */
export const loftyMethods = {
	loadOptions: loftyLoadOptions,
	listSearch: loftyListSearch,
};
