export * from './errors';
export * from './model';
export * from './schemas';
export * from './resolvers';
export * from './limits';
export * from './columns';
