// The handlers named in manifest.yml, and nothing else.
export { handler as resolver } from './resolvers';
export { handler as worker } from './worker';
export {
  triggerHandler as syncTrigger,
  scheduledHandler as syncSchedule,
  consumerHandler as syncWorker,
  watchdogHandler as jobWatchdog,
} from './background';
