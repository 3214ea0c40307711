-- Route failover (docs/routing.md): providers are the ways out (an endpoint template each),
-- routes pick them by destination prefix (a customer's own, else the default ones: customer_id
-- NULL), several routes of one target in priority order. A call keeps the providers chosen
-- when it was made (route_plan) and one entry per attempt (attempts).
CREATE TABLE "providers" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'sip',
    "hostname" TEXT NOT NULL DEFAULT '',
    "tech_prefix" TEXT NOT NULL DEFAULT '',
    "tech_postfix" TEXT NOT NULL DEFAULT '',
    "tech_headers" JSONB NOT NULL DEFAULT '{}',
    "endpoint" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_update" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_delete" TIMESTAMPTZ(6),
    CONSTRAINT "providers_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "routes" (
    "id" UUID NOT NULL,
    "customer_id" UUID,
    "name" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL DEFAULT '',
    "provider_id" UUID NOT NULL,
    "priority" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_update" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_delete" TIMESTAMPTZ(6),
    CONSTRAINT "routes_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "routes_customer_id_target_idx" ON "routes"("customer_id", "target");
CREATE INDEX "routes_provider_id_idx" ON "routes"("provider_id");
ALTER TABLE "routes" ADD CONSTRAINT "routes_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "routes" ADD CONSTRAINT "routes_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "calls" ADD COLUMN "route_plan" JSONB NOT NULL DEFAULT '[]';
ALTER TABLE "calls" ADD COLUMN "attempts" JSONB NOT NULL DEFAULT '[]';
