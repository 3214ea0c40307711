import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { storeAccessKey, storedAccessKey } from '../shared/access-key';
import { createApi } from './api';
import { CallPage } from './call-page';
import { CallsPage } from './calls-page';
import { usePath } from './router';
import { SignIn } from './sign-in';
import './console.css';

function Console() {
  const [key, setKey] = useState(storedAccessKey);
  const [sandbox, setSandbox] = useState(false);
  const path = usePath();
  const api = useMemo(() => (key ? createApi(key) : null), [key]);
  useEffect(() => () => api?.close(), [api]);
  useEffect(() => {
    fetch('/sandbox').then((response) => setSandbox(response.ok), () => setSandbox(false));
  }, []);
  if (!api) {
    return (
      <SignIn
        onSignedIn={(accepted) => {
          storeAccessKey(accepted);
          setKey(accepted);
        }}
      />
    );
  }
  const callId = /^\/console\/calls\/([^/]+)$/.exec(path)?.[1];
  return (
    <div className="console">
      <header>
        <a href="/">OpenCall</a> <strong>Console</strong>
        <a href="/explorer">GraphQL explorer</a>
        {sandbox && <span className="sandbox-flag">sandbox</span>}
        <button
          type="button"
          onClick={() => {
            storeAccessKey('');
            setKey('');
          }}
        >
          Sign out
        </button>
      </header>
      <main>{callId ? <CallPage key={callId} api={api} id={callId} sandbox={sandbox} /> : <CallsPage api={api} />}</main>
    </div>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<Console />);
