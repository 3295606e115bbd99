export {
  SynchronizerState,
  LastRun,
  GuardStop,
  InstalledSynchronizer,
  installSynchronizer,
  setEnabled,
  stopByCycleGuard,
  runsInBackground,
} from './synchronizer';
