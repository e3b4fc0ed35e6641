export const RESOURCE = 'appointment';
