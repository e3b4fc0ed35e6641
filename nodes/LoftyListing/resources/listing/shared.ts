export const RESOURCE = 'listing';
