// Jest setup for the "n8n's router" project: the harness runs the nodes without their customOperations.
import { process } from './node';

process.env.LOFTY_ROUTER = 'n8n';
