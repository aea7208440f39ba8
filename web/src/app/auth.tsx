import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { MeOut, type UserOut } from '../../../src/contracts/auth.ts';
import { Ok } from '../../../src/contracts/common.ts';
import { mayEver, type Action, type Grant } from '../../../src/core/access/policy.ts';
import { ApiError, api, onUnauthorized } from './api.ts';

/**
 * Who is logged in. The session itself is the HttpOnly cookie; this context only mirrors /api/auth/me.
 * `may(action)` uses the same permission table as the server (src/core/access/policy.ts) to hide what a
 * role cannot use; the server enforces it anyway.
 */
type Status = 'loading' | 'anonymous' | 'authenticated';

interface AuthValue {
  status: Status;
  user: UserOut | null;
  /** Set when the session ended on its own (expired, logged out elsewhere), for a notice on the login page. */
  expired: boolean;
  login(username: string, password: string): Promise<UserOut>;
  logout(): Promise<void>;
  isAdmin: boolean;
  may(action: Action): boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<UserOut | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [expired, setExpired] = useState(false);
  const statusRef = useRef(status);
  useEffect(() => { statusRef.current = status; }, [status]);

  useEffect(() => {
    onUnauthorized(() => {
      if (statusRef.current === 'authenticated') setExpired(true);
      setUser(null);
      setStatus('anonymous');
    });
    let cancelled = false;
    api.get('/api/auth/me', MeOut).then(
      (me) => { if (!cancelled) { setUser(me.user); setStatus('authenticated'); } },
      (e: unknown) => {
        if (cancelled) return;
        // 401 is the normal "not logged in"; anything else still leads to the login page, which shows errors on use.
        if (!(e instanceof ApiError) || e.status !== 401) console.warn('session check failed', e);
        setStatus('anonymous');
      },
    );
    return () => { cancelled = true; onUnauthorized(null); };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const me = await api.post('/api/auth/login', MeOut, { username, password });
    setExpired(false);
    setUser(me.user);
    setStatus('authenticated');
    return me.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', Ok, {});
    } finally {
      setExpired(false);
      setUser(null);
      setStatus('anonymous');
    }
  }, []);

  const value = useMemo<AuthValue>(() => {
    const grants: Grant[] = (user?.roles ?? []).map((g) => ({ role: g.role, regionId: g.regionId, organisationId: g.organisationId }));
    return {
      status, user, expired, login, logout,
      isAdmin: grants.some((g) => g.role === 'admin'),
      may: (action: Action) => mayEver(grants, action),
    };
  }, [status, user, expired, login, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
