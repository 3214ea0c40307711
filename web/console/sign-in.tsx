import { useState } from 'react';
import { ApiError, createApi } from './api';
import { CALLS } from './queries';

/** Asks for an access key and keeps it once the API takes it. */
export function SignIn({ onSignedIn }: { onSignedIn: (key: string) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="sign-in"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError('');
        const api = createApi(key.trim());
        try {
          await api.query(CALLS);
          onSignedIn(key.trim());
        } catch (failure) {
          setError(failure instanceof ApiError ? failure.message : 'The API cannot be reached.');
        } finally {
          api.close();
          setBusy(false);
        }
      }}
    >
      <h1>OpenCall console</h1>
      <p>Sign in with an access key: the one the server printed at its first start, or one from <code>/v1.0/accesskeys</code>.</p>
      <label>
        Access key <input aria-label="Access key" type="password" value={key} onChange={(event) => setKey(event.target.value)} autoFocus />
      </label>
      <button type="submit" disabled={busy || !key.trim()}>
        Sign in
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
