import { createContext, useContext } from 'react';
import type { Session } from '../../../ui/api-types.ts';

export type SessionUser = Session['user'];
const SessionContext = createContext<SessionUser | null>(null);

export const SessionProvider = SessionContext.Provider;

/** The signed-in staff member; only used below the login gate. */
export function useUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useUser outside a signed-in console');
  return user;
}
