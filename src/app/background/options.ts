// Timing of background sync. Forge app variables (`forge variables set SYNC_QUIET_MS 10000`) may tune
// them per environment; tests set them to run at once.
import type { DebounceOptions } from '../../domain/background/debounce';

const num = (name: string): number | undefined => {
  const v = process.env[name];
  return v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
};

export function debounceOptions(): DebounceOptions {
  const quietMs = num('SYNC_QUIET_MS');
  const maxDelayMs = num('SYNC_MAX_DELAY_MS');
  return { ...(quietMs !== undefined ? { quietMs } : {}), ...(maxDelayMs !== undefined ? { maxDelayMs } : {}) };
}

/** How often a tick looks again at background runs still going. */
export function pollMs(): number {
  return num('SYNC_POLL_MS') ?? 5_000;
}

export function guardMaxRounds(): number | undefined {
  return num('SYNC_GUARD_ROUNDS');
}
