import { createContext, useContext, useRef, type ReactNode, type RefObject } from 'react';
import { useStore } from './store';
import type { Workbench, WorkbenchState } from './workbench';

interface WorkbenchContextValue {
  workbench: Workbench;
  /** The header's search input, so shortcuts and empty states can focus it. */
  searchInput: RefObject<HTMLInputElement | null>;
}

const WorkbenchContext = createContext<WorkbenchContextValue | null>(null);

export function WorkbenchProvider({ workbench, children }: { workbench: Workbench; children: ReactNode }) {
  const searchInput = useRef<HTMLInputElement | null>(null);
  return <WorkbenchContext.Provider value={{ workbench, searchInput }}>{children}</WorkbenchContext.Provider>;
}

function useContextValue(): WorkbenchContextValue {
  const value = useContext(WorkbenchContext);
  if (!value) throw new Error('useWorkbench* must be used inside <WorkbenchProvider>');
  return value;
}

/** A slice of the workbench state; re-renders only when that slice changes. */
export function useWorkbench<T>(selector: (state: WorkbenchState) => T): T {
  return useStore(useContextValue().workbench.store, selector);
}

/** The workbench's actions (stable for the app's lifetime). */
export function useActions(): Workbench {
  return useContextValue().workbench;
}

export function useSearchInputRef(): RefObject<HTMLInputElement | null> {
  return useContextValue().searchInput;
}
