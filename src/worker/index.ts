import type { AsyncEvent } from '@forge/events';

export async function handler(_event: AsyncEvent): Promise<void> {}
