// The handlers named in manifest.yml, and nothing else.
export { handler as resolver } from './resolvers';
export { handler as worker } from './worker';
