/**
 * The renderer's one door to the back end. Both transports are built generically from
 * the contract's name lists, so adding a call to shared/api needs no code here:
 *  - Electron: the sandboxed preload exposes window.reckon (a Bridge) returning envelopes.
 *  - Browser mode: POST /api/call/<name> (same origin; the server's HttpOnly cookie
 *    authenticates) returning envelopes, and one EventSource on /api/events.
 * The rest of the UI sees only an ApiClient and cannot tell which one it has.
 */
import {
  ApiError,
  BRIDGE_KEY,
  CALL_NAMES,
  EVENT_NAMES,
  calls,
  unwrap,
  type ApiClient,
  type ApiErrorCode,
  type Bridge,
  type CallName,
  type Envelope,
  type EventName,
  type EventPayload,
} from '../../../shared/api';

type AnyCall = (args: unknown) => Promise<unknown>;
type AnyListener = (payload: unknown) => void;

/** Pick the transport: the Electron bridge when the preload installed one, else HTTP. */
export function createClient(): ApiClient {
  const bridge = (globalThis as Record<string, unknown>)[BRIDGE_KEY] as Bridge | undefined;
  return bridge ? createBridgeClient(bridge) : createHttpClient();
}

export function createBridgeClient(bridge: Bridge): ApiClient {
  const client = {} as Record<CallName, AnyCall>;
  for (const name of CALL_NAMES) {
    const call = bridge[name] as unknown as (args: unknown) => Promise<Envelope<unknown>>;
    client[name] = async (args) => checked(name, unwrap(await call(args ?? {})));
  }
  return Object.assign(client, {
    on: <K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void) => bridge.on(name, listener),
  }) as unknown as ApiClient;
}

export interface HttpClientOptions {
  /** Prefix of the API routes; same origin by default. */
  baseUrl?: string;
}

export function createHttpClient(options: HttpClientOptions = {}): ApiClient {
  const base = options.baseUrl ?? '';
  const client = {} as Record<CallName, AnyCall>;
  for (const name of CALL_NAMES) {
    client[name] = async (args) => checked(name, unwrap(await post(`${base}/api/call/${name}`, name, args ?? {})));
  }
  const events = createEventStream(`${base}/api/events`);
  return Object.assign(client, { on: events.on }) as unknown as ApiClient;
}

async function post(url: string, name: CallName, args: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args),
      credentials: 'same-origin',
    });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ApiError('io', `Cannot reach the Reckon server (${name}): ${detail}. Is \`npm run serve\` still running?`);
  }
  const body = await response.json().catch(() => undefined);
  if (response.status === 401 || response.status === 403) {
    throw new ApiError(
      'forbidden',
      `The Reckon server refused the request (${response.status}). Open the address printed by \`npm run serve\`, including its ?token=…`,
    );
  }
  if (!response.ok) {
    // Prefer the server's own error when it sent an envelope; otherwise report the status.
    if (isErrorEnvelope(body)) throw new ApiError(body.error.code, body.error.message);
    throw new ApiError('io', `The Reckon server failed on ${name}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  if (!isEnvelope(body)) throw new ApiError('io', `The Reckon server sent a malformed response to ${name}`);
  return body;
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function isErrorEnvelope(value: unknown): value is { ok: false; error: { code: ApiErrorCode; message: string } } {
  if (!isEnvelope(value) || value.ok) return false;
  const error = (value as { error?: { code?: unknown; message?: unknown } }).error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/**
 * One EventSource for all events, opened on the first subscription. Each SSE message is
 * `event: <name>` with a JSON `data:` payload.
 */
function createEventStream(url: string) {
  const listeners = new Map<EventName, Set<AnyListener>>();
  let source: EventSource | null = null;

  const connect = () => {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(url);
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          console.warn(`reckon: ignoring malformed ${name} event`);
          return;
        }
        for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
      });
    }
  };

  const on = <K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): (() => void) => {
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(listener as AnyListener);
    connect();
    return () => {
      set.delete(listener as AnyListener);
    };
  };
  return { on };
}

/** In development, check results against the contract so drift shows up early. Production skips it. */
function checked(name: CallName, value: unknown): unknown {
  if (import.meta.env?.DEV) {
    const parsed = calls[name].result.safeParse(value);
    if (!parsed.success) console.warn(`reckon: ${name} returned a result that does not match the contract`, parsed.error.issues);
  }
  return value;
}
