import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, api, errorMessage, setUnauthenticatedHandler } from './api';
import { AccountPage } from './account/AccountPage';
import { AdminHome } from './admin/AdminHome';
import { AuditPage } from './admin/AuditPage';
import { DepartmentsPage } from './admin/DepartmentsPage';
import { SettingsPage } from './admin/SettingsPage';
import { ArticlePage } from './articles/ArticlePage';
import { HistoryPage } from './articles/HistoryPage';
import { ArticleForm } from './editor/ArticleForm';
import { ShortcutHelp } from './help/ShortcutHelp';
import { ImpactPage } from './impact/ImpactPage';
import { LoginPage } from './login/LoginPage';
import { ArticleOutcomeBar } from './search/ArticleOutcomeBar';
import { NoAccessPage } from './login/NoAccessPage';
import { SetPasswordPage } from './login/SetPasswordPage';
import { LazyUsers } from './admin/LazyUsers';
import { LazyIntegrations } from './admin/LazyIntegrations';
import { SessionDialog } from './login/SessionDialog';
import { QueuePage } from './queue/QueuePage';
import { readPrefill } from './queue/writeLink';
import { navigate, useLocation } from './router';
import { matchRoute, safeNext } from './routes';
import { SearchPage } from './search/SearchPage';
import type { User } from '../../server/contract/types';
import { DepartmentGate } from './ui/DepartmentGate';
import { canEdit } from './ui/format';
import { homeOf } from './ui/rights';
import { Header } from './ui/Header';
import { Message } from './ui/Message';
import { LazyDashboard } from './dashboard/LazyDashboard';
import './styles.css';

type Auth =
  | { status: 'loading' }
  /** `mustEnrol`: an admin or manager without two-step sign-in while it is required */
  | { status: 'in'; user: User; mustEnrol: boolean }
  | { status: 'out' }
  | { status: 'error'; message: string };

/** Read the live URL: the search box rewrites ?q= without a router notification. */
function loginUrlForHere(): string {
  const here = window.location.pathname + window.location.search;
  return here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}

/** A `next` parameter (where a signed-out visit was headed) wins over the role's home. */
function afterSignIn(user: User, search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next ? safeNext(next) : homeOf(user);
}

function App() {
  const loc = useLocation();
  const route = matchRoute(loc.pathname);
  const [auth, setAuth] = useState<Auth>({ status: 'loading' });
  /** The session ended while signed in: sign in again in place (the page stays). */
  const [sessionEnded, setSessionEnded] = useState(false);
  const signedIn = useRef(false);
  signedIn.current = auth.status === 'in';

  const checkSession = useCallback(() => {
    setAuth({ status: 'loading' });
    api
      .me()
      .then((me) => setAuth({ status: 'in', user: me.user, mustEnrol: me.mfaEnrolmentRequired }))
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) setAuth({ status: 'out' });
        else setAuth({ status: 'error', message: errorMessage(err) });
      });
  }, []);

  useEffect(checkSession, [checkSession]);
  // A session can expire mid-shift: any request that finds it gone asks to sign in again, over
  // the page (nothing typed or shown is lost); before the first sign-in it is the login page.
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (signedIn.current) setSessionEnded(true);
      else setAuth({ status: 'out' });
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  // Redirects run as effects so render stays pure; `replace` keeps Back meaningful.
  const isPublic = route.name === 'setPassword' || route.name === 'noAccess';
  const needsLogin = auth.status === 'out' && route.name !== 'login' && !isPublic;
  const leaveLogin = auth.status === 'in' && route.name === 'login';
  useEffect(() => {
    if (needsLogin) navigate(loginUrlForHere(), { replace: true });
    if (leaveLogin) navigate(afterSignIn(auth.user, loc.search), { replace: true });
  }, [needsLogin, leaveLogin, loc]);

  if (auth.status === 'loading') return <p class="splash">Loading Firstcall…</p>;
  // pages for people who are not (or not yet) signed in, whoever this browser was signed in as
  if (route.name === 'noAccess')
    return <NoAccessPage reason={new URLSearchParams(loc.search).get('reason') ?? ''} />;
  if (route.name === 'setPassword')
    return (
      <SetPasswordPage
        token={new URLSearchParams(loc.search).get('token') ?? ''}
        onSignedIn={(me) => {
          setAuth({ status: 'in', user: me.user, mustEnrol: me.mfaEnrolmentRequired });
          navigate(homeOf(me.user), { replace: true });
        }}
        onCodeNeeded={() => {
          setAuth({ status: 'out' });
          navigate('/login?step=code', { replace: true });
        }}
      />
    );
  if (auth.status === 'error') {
    return (
      <div class="message-page" role="alert">
        <h1>Firstcall is unavailable</h1>
        <p>{auth.message}</p>
        <button type="button" class="button" onClick={checkSession}>
          Try again
        </button>
      </div>
    );
  }
  if (auth.status === 'out') {
    if (route.name !== 'login') return null;
    return (
      <LoginPage
        startAt={new URLSearchParams(loc.search).get('step') === 'code' ? 'code' : 'password'}
        next={safeNext(new URLSearchParams(loc.search).get('next'))}
        onLogin={(me) => {
          setAuth({ status: 'in', user: me.user, mustEnrol: me.mfaEnrolmentRequired });
          navigate(afterSignIn(me.user, loc.search), { replace: true });
        }}
      />
    );
  }
  if (route.name === 'login') return null;

  const { user } = auth;
  const enrolled = () => {
    setAuth({ status: 'in', user, mustEnrol: false });
    navigate(homeOf(user), { replace: true });
  };
  let page;
  // until an admin or manager sets up two-step sign-in, the server answers nothing else
  if (auth.mustEnrol) page = <AccountPage user={user} mustEnrol onEnrolled={enrolled} />;
  else
    switch (route.name) {
      case 'account':
        page = <AccountPage user={user} mustEnrol={false} onEnrolled={() => undefined} />;
        break;
      case 'search':
        page = <SearchPage user={user} loc={loc} />;
        break;
      case 'article':
        page = (
          <ArticlePage
            key={route.slug}
            user={user}
            slug={route.slug}
            outcomes={(article, toast) => (
              <ArticleOutcomeBar article={article} user={user} toast={toast} />
            )}
          />
        );
        break;
      case 'new':
      case 'edit': {
        const slug = route.name === 'edit' ? route.slug : undefined;
        const prefill = route.name === 'new' ? readPrefill(loc.search) : null;
        page = canEdit(user.role) ? (
          <ArticleForm key={slug ?? `new${loc.search}`} user={user} slug={slug} prefill={prefill} />
        ) : (
          <Message title="Not allowed">
            <p>Only engineers and admins can write or edit articles.</p>
          </Message>
        );
        break;
      }
      case 'history':
        page = <HistoryPage key={route.slug} user={user} slug={route.slug} />;
        break;
      case 'queue':
        page = (
          <DepartmentGate user={user} base="/queue" department={route.department}>
            {(d, all) => <QueuePage key={d.slug} user={user} department={d} departments={all} />}
          </DepartmentGate>
        );
        break;
      case 'impact':
        page = (
          <DepartmentGate user={user} base="/impact" department={route.department}>
            {(d, all) => <ImpactPage key={d.slug} user={user} department={d} departments={all} />}
          </DepartmentGate>
        );
        break;
      case 'admin':
        page = <AdminHome user={user} />;
        break;
      case 'audit':
        page = <AuditPage user={user} />;
        break;
      case 'settings':
        page = <SettingsPage user={user} />;
        break;
      case 'departments':
        page = <DepartmentsPage user={user} />;
        break;
      case 'users':
        page = <LazyUsers user={user} />;
        break;
      case 'integrations':
        page = <LazyIntegrations user={user} />;
        break;
      case 'dashboard':
        page = <LazyDashboard user={user} loc={loc} />;
        break;
      default:
        page = (
          <Message title="Page not found">
            <p>There is no page at this address.</p>
          </Message>
        );
    }

  return (
    <div key={user.id} class={`layout layout-${route.name}`}>
      <Header
        user={user}
        page={route.name}
        onSignedOut={() => {
          setSessionEnded(false);
          setAuth({ status: 'out' });
          navigate('/login');
        }}
      />
      <main id="main" tabIndex={-1}>
        {page}
      </main>
      <ShortcutHelp />
      {sessionEnded && (
        <SessionDialog
          user={user}
          onSignedIn={(next) => {
            setSessionEnded(false);
            // someone else signed in: their own pages, from the start
            if (next.user.id !== user.id || next.mfaEnrolmentRequired)
              setAuth({ status: 'in', user: next.user, mustEnrol: next.mfaEnrolmentRequired });
          }}
          onSignOut={() => {
            setSessionEnded(false);
            setAuth({ status: 'out' });
          }}
        />
      )}
    </div>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
