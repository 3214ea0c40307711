import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createClient } from 'graphql-ws';
import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { graphqlSocketUrl, storeAccessKey, storedAccessKey } from '../shared/access-key';
import './explorer.css';

const DEFAULT_QUERY = `# Your calls, newest first. Subscriptions (callEvents) go over graphql-ws.
query Calls {
  calls(first: 10) {
    edges { node { id status source { target } destination { target } } }
  }
}
`;

/** GraphiQL against this API; the access key from the field goes on every request and socket. */
function Explorer() {
  const [key, setKey] = useState(storedAccessKey);
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: '/graphql',
        headers: key ? { authorization: `Bearer ${key}` } : {},
        wsClient: createClient({ url: graphqlSocketUrl(), connectionParams: { token: key }, lazy: true }),
      }),
    [key],
  );
  return (
    <div className="explorer">
      <header>
        <a href="/">OpenCall</a> <strong>GraphQL explorer</strong>
        <label>
          Access key{' '}
          <input
            aria-label="Access key"
            type="password"
            value={key}
            placeholder="paste your access key"
            onChange={(event) => {
              setKey(event.target.value.trim());
              storeAccessKey(event.target.value.trim());
            }}
          />
        </label>
        <a href="/console">Console</a>
      </header>
      <main>
        <GraphiQL key={key} fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
      </main>
    </div>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<Explorer />);
