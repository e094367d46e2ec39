/**
 * Hands the session, its current state and the dictionary of the chosen
 * language to every component.
 */
import { createContext, useContext, useSyncExternalStore } from "react";
import { strings, type Dictionary } from "./i18n";
import type { PaneSession, PaneState } from "./session";

export const SessionContext = createContext<PaneSession | null>(null);

export interface Pane {
  session: PaneSession;
  state: PaneState;
  t: Dictionary;
}

export function usePane(): Pane {
  const session = useContext(SessionContext);
  if (!session) throw new Error("usePane needs a SessionContext provider");
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { session, state, t: strings(state.settings.language) };
}
