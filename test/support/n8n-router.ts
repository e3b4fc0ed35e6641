// Jest setup for the "n8n's router" project: the harness runs the nodes without their customOperations.
process.env.LOFTY_ROUTER = 'n8n';
