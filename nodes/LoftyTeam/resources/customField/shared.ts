export const RESOURCE = 'customField';
