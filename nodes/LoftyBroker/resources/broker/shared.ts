export const RESOURCE = 'broker';
