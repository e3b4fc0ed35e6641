export const RESOURCE = 'tag';
