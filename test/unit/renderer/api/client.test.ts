import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, BRIDGE_KEY, CALL_NAMES, type Bridge } from '../../../../shared/api';
import { createClient } from '../../../../renderer/src/api/client';

const appState = { version: '1.0.0', canPickFolder: true, sampleCorpus: '/s', recentFolders: [], corpus: null };

/** Records EventSource instances so a test can push server-sent events into them. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  listeners = new Map<string, Array<(event: { data: string }) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, listener: (event: { data: string }) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  dispatch(name: string, data: string) {
    for (const listener of this.listeners.get(name) ?? []) listener({ data });
  }
}

const jsonResponse = (status: number, body: unknown) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[BRIDGE_KEY];
  vi.unstubAllGlobals();
  FakeEventSource.instances = [];
});

describe('createClient with the Electron bridge', () => {
  let bridge: Record<string, ReturnType<typeof vi.fn>>;
  beforeEach(() => {
    bridge = Object.fromEntries(CALL_NAMES.map((name) => [name, vi.fn()]));
    bridge.on = vi.fn(() => () => undefined);
    (globalThis as Record<string, unknown>)[BRIDGE_KEY] = bridge as unknown as Bridge;
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new Error('fetch must not be used with a bridge'))));
  });

  it('exposes every call of the contract', () => {
    const client = createClient();
    for (const name of CALL_NAMES) expect(typeof client[name]).toBe('function');
  });

  it('unwraps a successful envelope', async () => {
    bridge.getAppState!.mockResolvedValue({ ok: true, value: appState });
    await expect(createClient().getAppState({})).resolves.toEqual(appState);
    expect(bridge.getAppState).toHaveBeenCalledWith({});
  });

  it('passes arguments through and throws ApiError with the code and message of an error envelope', async () => {
    bridge.openCorpus!.mockResolvedValue({ ok: false, error: { code: 'not-found', message: 'Folder not found: /nope' } });
    const failure = createClient().openCorpus({ dir: '/nope' });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ code: 'not-found', message: 'Folder not found: /nope' });
    expect(bridge.openCorpus).toHaveBeenCalledWith({ dir: '/nope' });
  });

  it('delegates event subscription to the bridge', () => {
    const unsubscribe = vi.fn();
    bridge.on!.mockReturnValue(unsubscribe);
    const listener = vi.fn();
    const off = createClient().on('indexProgress', listener);
    expect(bridge.on).toHaveBeenCalledWith('indexProgress', listener);
    off();
    expect(unsubscribe).toHaveBeenCalled();
  });
});

describe('createClient over HTTP (browser mode)', () => {
  let fetchMock: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('EventSource', FakeEventSource);
  });

  it('POSTs the JSON arguments to /api/call/<name> on the same origin and unwraps the envelope', async () => {
    const result = { query: 'capacity', hits: [], ms: 1 };
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: true, value: result }));
    await expect(createClient().search({ query: 'capacity', limit: 5 })).resolves.toEqual(result);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/call/search');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(JSON.parse(init.body)).toEqual({ query: 'capacity', limit: 5 });
  });

  it('throws the error envelope as ApiError', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: false, error: { code: 'no-corpus', message: 'No folder is open.' } }));
    await expect(createClient().getCorpus({})).rejects.toMatchObject({ name: 'ApiError', code: 'no-corpus', message: 'No folder is open.' });
  });

  it('turns 401 and 403 into a forbidden ApiError that says how to get in', async () => {
    for (const status of [401, 403]) {
      fetchMock.mockResolvedValueOnce(jsonResponse(status, 'nope'));
      const failure = createClient().getAppState({});
      await expect(failure).rejects.toMatchObject({ code: 'forbidden' });
      await expect(failure).rejects.toThrow(/token/);
    }
  });

  it('turns other non-2xx responses into an io ApiError naming the status', async () => {
    fetchMock.mockResolvedValue(new Response('oops', { status: 502, statusText: 'Bad Gateway' }));
    const failure = createClient().getArticle({ id: 'a.txt' });
    await expect(failure).rejects.toMatchObject({ code: 'io' });
    await expect(failure).rejects.toThrow(/502/);
  });

  it('keeps the server’s own error when a non-2xx response carries an error envelope', async () => {
    fetchMock.mockResolvedValue(jsonResponse(400, { ok: false, error: { code: 'invalid-args', message: 'search: invalid arguments at query' } }));
    await expect(createClient().search({ query: 'x' })).rejects.toMatchObject({ code: 'invalid-args', message: 'search: invalid arguments at query' });
  });

  it('turns a network failure into an io ApiError', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const failure = createClient().getAppState({});
    await expect(failure).rejects.toMatchObject({ code: 'io' });
    await expect(failure).rejects.toThrow(/Cannot reach the Reckon server.*Failed to fetch/);
  });

  it('rejects a 2xx response that is not an envelope', async () => {
    fetchMock.mockResolvedValue(new Response('<html>', { status: 200 }));
    await expect(createClient().getAppState({})).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/malformed/) });
  });

  it('opens one EventSource on /api/events and routes each named event to its listeners', () => {
    const client = createClient();
    const progress = vi.fn();
    const changed = vi.fn();
    const offProgress = client.on('indexProgress', progress);
    client.on('corpusChanged', changed);
    expect(FakeEventSource.instances).toHaveLength(1);
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe('/api/events');

    const payload = { root: '/r', phase: 'reading', done: 1, total: 5 };
    source.dispatch('indexProgress', JSON.stringify(payload));
    expect(progress).toHaveBeenCalledWith(payload);
    expect(changed).not.toHaveBeenCalled();

    source.dispatch('corpusChanged', JSON.stringify({ root: '/r', added: ['x.txt'], changed: [], removed: [] }));
    expect(changed).toHaveBeenCalledTimes(1);

    offProgress();
    source.dispatch('indexProgress', JSON.stringify(payload));
    expect(progress).toHaveBeenCalledTimes(1);
  });

  it('ignores an event whose data is not JSON', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const listener = vi.fn();
    createClient().on('indexProgress', listener);
    FakeEventSource.instances[0]!.dispatch('indexProgress', '{not json');
    expect(listener).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
