export * from './client';
export * from './cost';
export * from './errors';
export * from './forge-transport';
export * from './retry-policy';
export * from './transport';
export * from './export-calls';
export * from './operations';
