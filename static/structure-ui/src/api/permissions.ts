import { PERMISSION_LEVELS, type PermissionLevel } from '../../../../src/contract';

export function atLeast(level: PermissionLevel, needed: PermissionLevel): boolean {
  return PERMISSION_LEVELS.indexOf(level) >= PERMISSION_LEVELS.indexOf(needed);
}

/** Which operations the Operations column offers: the UI hides what the server would refuse anyway. */
export function allowedOperations(level: PermissionLevel, synchronizersEnabled: boolean) {
  const control = atLeast(level, 'control');
  return {
    open: atLeast(level, 'view'),
    edit: control,
    import: control && synchronizersEnabled,
    export: control && synchronizersEnabled,
    syncSettings: control && synchronizersEnabled,
    permissions: control,
    delete: control,
  };
}
