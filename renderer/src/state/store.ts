/**
 * A minimal observable store: one immutable state object, replaced on every update,
 * read in components through useStore(selector). Enough for the workbench; later
 * features add fields and actions rather than a framework.
 */
import { useSyncExternalStore } from 'react';

export interface Store<S> {
  get(): S;
  /** Replace part of the state; listeners run once per update. */
  update(patch: Partial<S> | ((state: S) => Partial<S>)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(patch) {
      const changes = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...changes };
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Subscribe a component to a slice of the store. The selector must return existing references, not new objects. */
export function useStore<S, T>(store: Store<S>, selector: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()), () => selector(store.get()));
}
