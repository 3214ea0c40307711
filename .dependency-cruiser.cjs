/** Layer rules of docs/architecture.md, checked in CI (`npm run lint`). */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds pure rules: it imports nothing but itself (no I/O, no libraries).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'only-the-ari-adapter-speaks-ari',
      comment: 'ari-client is the ARI adapter’s business (and the simulator’s tests).',
      severity: 'error',
      from: { pathNot: ['^src/telephony/ari/', '^src/telephony/simulator/.*\\.test\\.ts$', '^src/types/'] },
      to: { path: 'node_modules/ari-client' },
    },
    {
      name: 'services-know-no-surface',
      comment: 'Services are used by GraphQL, REST and workers, and know none of them.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: { path: '^src/(resolvers|rest|api|schema|workers|telephony/(ari|simulator))/' },
    },
    {
      name: 'surfaces-go-through-services',
      comment: 'Resolvers and REST handlers are thin: no database or queue access of their own.',
      severity: 'error',
      from: { path: '^src/(resolvers|rest|schema)/' },
      to: { path: ['^src/generated/', '^src/persistence/', '^src/platform/redis', '^src/workers/', 'node_modules/(bullmq|@prisma|pg|ioredis)/'] },
    },
    {
      name: 'workers-know-no-surface',
      comment: 'Workers are driven by jobs and media events: they reach services, never a surface (the composition root hands them presenters).',
      severity: 'error',
      from: { path: '^src/workers/' },
      to: { path: '^src/(resolvers|rest|api|schema)/' },
    },
    {
      name: 'persistence-behind-services',
      comment:
        'Repositories, the outbox writer and Prisma live in src/persistence: only services reach them (and the composition root, which builds them). REST, resolvers and workers go through services.',
      severity: 'error',
      from: { pathNot: ['^src/(services|persistence)/', '^src/app\\.ts$', '^src/platform/migrate-cli\\.ts$', '\\.test\\.ts$', '^test/'] },
      to: { path: ['^src/persistence/', '^src/generated/', 'node_modules/@prisma/'] },
    },
    {
      name: 'simulator-stands-alone',
      comment: 'The simulator is a separate Asterisk stand-in: the product reaches it only over ARI.',
      severity: 'error',
      from: { path: '^src/telephony/simulator/' },
      to: { path: '^src/(services|workers|resolvers|rest|api|domain|events|telephony/ari)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/generated/' },
  },
};
