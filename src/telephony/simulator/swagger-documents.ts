import { EVENT_MODELS, OBJECT_MODELS } from './swagger-models';
import { OPERATIONS } from './swagger-operations';

/** Asterisk's ARI version for Asterisk 22. */
const API_VERSION = '2.0.0';

/**
 * Swagger 1.2 (Asterisk says 1.1, which makes ari-client print a deprecation notice at every
 * connect; the two agree on everything ari-client reads).
 */
const SWAGGER_VERSION = '1.2';

function resourceList(basePath: string): string {
  return JSON.stringify({
    apiVersion: API_VERSION,
    swaggerVersion: SWAGGER_VERSION,
    basePath,
    apis: Object.keys(OPERATIONS).map((name) => ({ path: `/api-docs/${name}.{format}`, description: name })),
  });
}

function resourceDocument(name: string, basePath: string): string {
  const operations = OPERATIONS[name] ?? {};
  return JSON.stringify({
    apiVersion: API_VERSION,
    swaggerVersion: SWAGGER_VERSION,
    basePath,
    resourcePath: `/api-docs/${name}.{format}`,
    apis: Object.entries(operations).map(([path, ops]) => ({ path, operations: ops })),
    models: name === 'events' ? { ...OBJECT_MODELS, ...EVENT_MODELS } : OBJECT_MODELS,
  });
}

/**
 * The documents ari-client loads at connect, as JSON text. Their basePath points back at the
 * address the client used (Asterisk's is http://host:port/ari), so each is built once per address.
 */
export function createSwaggerDocuments() {
  const cache = new Map<string, Map<string, string>>();

  return {
    /** `resources` for resources.json, else a resource name; undefined for a resource not served. */
    document(name: string, basePath: string): string | undefined {
      if (name !== 'resources' && !(name in OPERATIONS)) return undefined;
      let documents = cache.get(basePath);
      if (!documents) {
        if (cache.size > 16) cache.clear();
        cache.set(basePath, (documents = new Map()));
      }
      let document = documents.get(name);
      if (document === undefined) {
        document = name === 'resources' ? resourceList(basePath) : resourceDocument(name, basePath);
        documents.set(name, document);
      }
      return document;
    },
  };
}

export type SwaggerDocuments = ReturnType<typeof createSwaggerDocuments>;
