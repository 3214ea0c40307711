/** The page at `/`: what this is, how the access key is used, and where to go next. */
export const WELCOME_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OpenCall</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
  h1 { margin-bottom: 0; } .tagline { margin-top: 0.2rem; color: #57606a; }
  nav ul { list-style: none; padding: 0; } nav li { margin: 0.5rem 0; }
  nav a { font-weight: 600; } code { background: #f3f4f6; padding: 0.1rem 0.3rem; border-radius: 4px; }
  pre { background: #f3f4f6; padding: 0.8rem; border-radius: 6px; overflow-x: auto; }
</style>
</head>
<body>
<h1>OpenCall</h1>
<p class="tagline">A GraphQL-first programmable voice API you run yourself: make and steer phone calls
over GraphQL, or over a REST layer that mirrors VoIPBIN's <code>/v1.0</code>.</p>

<h2>Your access key</h2>
<p>Every request carries a customer's access key. On its first start with an empty database the
server prints one (or takes <code>BOOTSTRAP_ACCESS_KEY</code>). Send it as
<code>Authorization: Bearer &lt;key&gt;</code>, as <code>?token=&lt;key&gt;</code>, or as
<code>{"token": "&lt;key&gt;"}</code> in the graphql-ws connection parameters. The console and the
explorer ask for it once and keep it in this browser.</p>
<pre>curl -s "$ORIGIN/v1.0/calls?token=$KEY"</pre>

<nav>
<h2>Where to go</h2>
<ul>
  <li><a href="/console">Console</a> — your calls as they happen, their timelines, recordings and webhooks; make a call and play the far end.</li>
  <li><a href="/explorer">GraphQL explorer</a> — queries, mutations and subscriptions against <code>/graphql</code>.</li>
  <li><a href="/reference/rest">REST reference</a> — the <code>/v1.0</code> API (<a href="/v1.0/openapi.json">OpenAPI document</a>).</li>
  <li><a href="/readyz">Readiness</a> and <a href="/metrics">Prometheus metrics</a>.</li>
</ul>
</nav>
<script>document.querySelector('pre').textContent = document.querySelector('pre').textContent.replace('$ORIGIN', location.origin);</script>
</body>
</html>
`;
