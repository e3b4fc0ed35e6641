export const RESOURCE = 'agentCommunication';
