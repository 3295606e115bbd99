// The synchronizers, one module each; generic code uses only the registry and the module shape.
export {
  allModules,
  describeSynchronizers,
  findModule,
  findSynchronizer,
  getSynchronizer,
  interestOf,
  registerSynchronizer,
} from './registry';
export type { SynchronizerSummary } from './registry';
export { defineModule, looseRecord, type DisplayNames, type SynchronizerModule } from './module';
