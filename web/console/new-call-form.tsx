import { useEffect, useState } from 'react';
import type { Api } from './api';
import { CREATE_CALL, NUMBERS } from './queries';
import { navigate, callPath } from './router';

const SANDBOX_HINT = 'Sandbox: +15550001xxx busy, +15550002xxx rings until you answer, +15550005xxx answers then hangs up, others answer.';

/** Makes a call from one of your numbers; the call's page opens once it exists. */
export function NewCallForm({ api }: { api: Api }) {
  const [numbers, setNumbers] = useState<string[]>([]);
  const [source, setSource] = useState('');
  const [destination, setDestination] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    api
      .query<{ numbers: { edges: { node: { number: string } }[] } }>(NUMBERS)
      .then(({ numbers: page }) => {
        const list = page.edges.map((edge) => edge.node.number);
        setNumbers(list);
        setSource((current) => current || list[0] || '');
      })
      .catch(() => undefined);
  }, [api]);
  return (
    <form
      className="new-call"
      onSubmit={async (event) => {
        event.preventDefault();
        setError('');
        try {
          const { createCalls } = await api.query<{ createCalls: { id: string }[] }>(CREATE_CALL, {
            input: { source: { type: 'TEL', target: source.trim() }, destinations: [{ type: 'TEL', target: destination.trim() }] },
          });
          if (createCalls[0]) navigate(callPath(createCalls[0].id));
        } catch (failure) {
          setError((failure as Error).message);
        }
      }}
    >
      <h2>Make a call</h2>
      <label>
        From{' '}
        <input aria-label="From" list="own-numbers" value={source} onChange={(event) => setSource(event.target.value)} placeholder="+15551234567" />
      </label>
      <datalist id="own-numbers">
        {numbers.map((number) => (
          <option key={number} value={number} />
        ))}
      </datalist>
      <label>
        To <input aria-label="To" value={destination} onChange={(event) => setDestination(event.target.value)} placeholder="+15559876543" />
      </label>
      <button type="submit" disabled={!source.trim() || !destination.trim()}>
        Call
      </button>
      <p className="hint">{SANDBOX_HINT}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
