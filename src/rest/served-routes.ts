import type { RequestHandler, Router } from 'express';

/** One method and path a router answers, `{id}` style: `GET /calls/{id}`. */
export interface ServedRoute {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

// Express keeps a mounted router's prefix only as a matcher: mount() remembers it for listing.
const prefixes = new WeakMap<object, string>();

/** `router.use(prefix, ...handlers)`, remembering the prefix so servedRoutes can list the routes. */
export function mount(router: Router, prefix: string, ...handlers: RequestHandler[]): void {
  const before = router.stack.length;
  router.use(prefix, ...handlers);
  for (const layer of router.stack.slice(before)) prefixes.set(layer, prefix === '/' ? '' : prefix);
}

/** Every route a router serves, under `base`: what the OpenAPI document must describe. */
export function servedRoutes(router: Router, base = ''): ServedRoute[] {
  return (router.stack as Layer[]).flatMap((layer): ServedRoute[] => {
    if (layer.route) {
      const path = `${base}${layer.route.path === '/' ? '' : layer.route.path}`.replace(/:([A-Za-z_]+)/g, '{$1}') || '/';
      return Object.keys(layer.route.methods).map((method) => ({ method: method.toUpperCase(), path }));
    }
    const nested = layer.handle.stack;
    return nested ? servedRoutes(layer.handle as Router, `${base}${prefixes.get(layer) ?? ''}`) : [];
  });
}
