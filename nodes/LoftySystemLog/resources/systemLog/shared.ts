export const RESOURCE = 'systemLog';
