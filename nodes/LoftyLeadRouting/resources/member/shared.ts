export const RESOURCE = 'member';
