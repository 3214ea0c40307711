import { OPENAPI_DOCUMENT } from './document';

/**
 * The REST reference as one self-contained HTML page, rendered from the OpenAPI document on the
 * server: no script, no stylesheet or font from anywhere else, so it works offline and behind any
 * content security policy.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const doc = OPENAPI_DOCUMENT as unknown as Json;
const schemas = doc.components.schemas as Record<string, Json>;

const escape = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const refName = (schema: Json): string | null => (typeof schema.$ref === 'string' ? (schema.$ref as string).split('/').pop()! : null);
const resolve = (schema: Json): Json => {
  const name = refName(schema);
  return name ? { ...schemas[name], ...schema, $ref: undefined } : schema;
};

function typeLabel(schema: Json): string {
  const name = refName(schema);
  if (name) return `<a href="#schema-${name}">${name}</a>`;
  if (schema.type === 'array') return `${typeLabel(schema.items ?? {})}[]`;
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(' | ') : String(schema.type ?? 'object');
  const format = schema.format ? ` (${escape(schema.format)})` : '';
  const values = Array.isArray(schema.enum) ? `: ${(schema.enum as unknown[]).map((value) => `<code>${escape(JSON.stringify(value))}</code>`).join(' ')}` : '';
  return `${escape(type)}${format}${values}`;
}

/** A field table of an object schema (one level; nested schemas link to their own section). */
function fields(schema: Json): string {
  const resolved = resolve(schema);
  if (resolved.type === 'array') return `<p>A list of ${typeLabel(resolved.items ?? {})}.</p>`;
  const properties = Object.entries((resolved.properties ?? {}) as Record<string, Json>);
  if (properties.length === 0) return refName(schema) ? `<p>${typeLabel(schema)}</p>` : '';
  const required = new Set((resolved.required as string[] | undefined) ?? []);
  const rows = properties.map(
    ([name, property]) =>
      `<tr><td><code>${escape(name)}</code>${required.has(name) ? '' : ' <small>optional</small>'}</td><td>${typeLabel(property)}</td><td>${escape(resolve(property).description ?? property.description ?? '')}</td></tr>`,
  );
  return `<table><thead><tr><th>Field</th><th>Type</th><th>Meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** An example value built from the schema's examples. */
function example(schema: Json, depth = 0): unknown {
  const resolved = resolve(schema);
  if ('example' in resolved && resolved.example !== undefined && depth > 0) return resolved.example;
  if (depth > 4) return null;
  if (resolved.type === 'array') return resolved.maxItems === 0 ? [] : [example(resolved.items ?? {}, depth + 1)];
  if (resolved.properties) return Object.fromEntries(Object.entries(resolved.properties as Record<string, Json>).map(([name, property]) => [name, example(property, depth + 1)]));
  return resolved.example ?? null;
}

function operation(path: string, method: string, op: Json): string {
  const id = escape(op.operationId);
  const parameters = (op.parameters as Json[]).map((parameter) => `<tr><td><code>${escape(parameter.name)}</code> <small>${escape(parameter.in)}</small></td><td>${typeLabel(parameter.schema)}</td><td>${escape(parameter.description ?? '')}</td></tr>`);
  const body = op.requestBody?.content?.['application/json']?.schema as Json | undefined;
  const answers = Object.entries(op.responses as Record<string, Json>).map(([status, answer]) => {
    const schema = answer.content?.['application/json']?.schema as Json | undefined;
    const sample = schema && /^2/.test(status) ? `<pre>${escape(JSON.stringify(example(schema), null, 2))}</pre>` : '';
    return `<li><b>${escape(status)}</b> ${escape(answer.description)} ${schema ? typeLabel(schema) : ''}${sample}</li>`;
  });
  return `<section class="op" id="${id}">
<h3><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(path)}</code></h3>
<p>${escape(op.summary)}${op.security ? ' <small>(no credentials)</small>' : ''}</p>
${op.description ? `<p>${escape(op.description)}</p>` : ''}
${parameters.length ? `<h4>Parameters</h4><table><tbody>${parameters.join('')}</tbody></table>` : ''}
${body ? `<h4>Body</h4>${fields(body)}` : ''}
<h4>Answers</h4><ul>${answers.join('')}</ul>
</section>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0;display:flex;color:#1d2330}
nav{width:290px;height:100vh;overflow:auto;position:sticky;top:0;background:#f4f6f9;padding:1em;box-sizing:border-box;font-size:13px}
nav a{display:block;color:#1d2330;text-decoration:none;padding:1px 0;overflow-wrap:anywhere}main{padding:1em 2em;max-width:980px}
.method{display:inline-block;min-width:4.2em;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 4px}
.get{background:#2f7d32}.post{background:#1f5fae}.put{background:#a56a00}.delete{background:#b3261e}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #e1e5ec;padding:4px 6px;text-align:left;vertical-align:top}
pre{background:#f4f6f9;padding:.6em;overflow:auto;font-size:12px}.op{border-top:1px solid #d6dbe3;padding-top:.5em}code{font-size:13px}`;

/** The whole page; built once (the document does not change while the process runs). */
export function renderReferencePage(): string {
  const byTag = new Map<string, string[]>();
  const nav = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const [method, op] of Object.entries(methods as Record<string, Json>)) {
      const tag = (op.tags as string[])[0]!;
      byTag.set(tag, [...(byTag.get(tag) ?? []), operation(path, method, op)]);
      nav.set(tag, [...(nav.get(tag) ?? []), `<a href="#${escape(op.operationId)}">${escape(method.toUpperCase())} ${escape(path)}</a>`]);
    }
  }
  const schemaSections = Object.entries(schemas).map(([name, schema]) => `<section id="schema-${escape(name)}"><h3>${escape(name)}</h3><p>${escape(schema.description ?? '')}</p>${fields(schema)}</section>`);
  const description = escape(doc.info.description).split('\n\n').map((paragraph) => `<p>${paragraph}</p>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(doc.info.title)}: REST reference</title><style>${STYLE}</style></head>
<body><nav><b>${escape(doc.info.title)}</b><p><a href="/v1.0/openapi.json">openapi.json</a></p>
${[...nav].map(([tag, links]) => `<p><b>${escape(tag)}</b>${links.join('')}</p>`).join('')}<p><b>Schemas</b>${Object.keys(schemas).map((name) => `<a href="#schema-${escape(name)}">${escape(name)}</a>`).join('')}</p></nav>
<main><h1>${escape(doc.info.title)}</h1>${description}
${[...byTag].map(([tag, sections]) => `<h2>${escape(tag)}</h2>${sections.join('')}`).join('')}
<h2>Schemas</h2>${schemaSections.join('')}</main></body></html>`;
}
