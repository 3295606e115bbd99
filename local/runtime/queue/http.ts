// The queue endpoints of the Forge platform as @forge/events 3 calls them through `__forge_fetch__`
// (`/webhook/queue/{publish,stats,cancel}/{contextAri}/{environmentId}/{appId}/{appVersion}`), with the
// statuses node_modules/@forge/events/out/validators.js expects: 201 publish, 200 stats, 204 cancel,
// 404 unknown job, 413 payload too big.
import { bodyText, jsonResponse } from '../responses';
import { DeliveryQueue } from './delivery-queue';
import { PublishRequest } from './types';

export interface QueueLimits {
  /** Consumer function timeout of each queue, in seconds; events over 100 KB are refused above 55 s. */
  consumerTimeoutSeconds(queueName: string): number | undefined;
}

const PER_EVENT_LIMIT_BYTES = 100 * 1024;
const LONG_CONSUMER_SECONDS = 55;

export function isQueuePath(path: string): boolean {
  return /^\/webhook\/queue\/(publish|stats|cancel)\//.test(path);
}

export async function handleQueueRequest(
  queue: DeliveryQueue,
  limits: QueueLimits,
  path: string,
  init: RequestInit | undefined,
): Promise<Response> {
  const action = /^\/webhook\/queue\/(publish|stats|cancel)\//.exec(path)?.[1];
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(await bodyText(init)) as Record<string, unknown>;
  } catch {
    return jsonResponse(400, { message: 'Invalid request body' });
  }
  const queueName = String(body.queueName ?? '');
  const jobId = String(body.jobId ?? '');
  switch (action) {
    case 'publish': {
      const timeout = limits.consumerTimeoutSeconds(queueName);
      if (timeout === undefined) {
        return jsonResponse(400, { message: `No consumer is declared in manifest.yml for queue '${queueName}'` });
      }
      const payload = Array.isArray(body.payload) ? (body.payload as PublishRequest['payload']) : [];
      if (timeout > LONG_CONSUMER_SECONDS) {
        const big = payload.findIndex((e) => Buffer.byteLength(JSON.stringify(e)) > PER_EVENT_LIMIT_BYTES);
        if (big >= 0) {
          return jsonResponse(413, {
            errorMessage: `Event ${big} exceeds the maximum payload size of 100 KB for consumers with a timeout over ${LONG_CONSUMER_SECONDS} seconds.`,
          });
        }
      }
      queue.publish({ queueName, jobId, payload });
      return jsonResponse(201, {});
    }
    case 'stats': {
      const stats = queue.stats(jobId);
      return stats ? jsonResponse(200, stats) : jsonResponse(404, { message: `Job ${jobId} does not exist` });
    }
    case 'cancel':
      return queue.cancel(jobId) ? jsonResponse(204) : jsonResponse(404, { message: `Job ${jobId} does not exist` });
    default:
      return jsonResponse(404, { message: `Unknown queue endpoint ${path}` });
  }
}
