-- Provider calls (VoIPBIN's /v1.0/providercalls, docs/routing.md): the platform administrator's
-- test calls through one provider, bypassing route selection, kept as audit records listing the
-- calls they made (inserted in the same transaction as those calls).
CREATE TABLE "provider_calls" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "provider_id" UUID NOT NULL,
    "flow_id" UUID,
    "source" JSONB NOT NULL,
    "destinations" JSONB NOT NULL,
    "anonymous" TEXT NOT NULL DEFAULT 'auto',
    "call_ids" UUID[] NOT NULL DEFAULT '{}',
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_update" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_delete" TIMESTAMPTZ(6),
    CONSTRAINT "provider_calls_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "provider_calls_provider_id_tm_create_idx" ON "provider_calls"("provider_id", "tm_create");
CREATE INDEX "provider_calls_tm_create_idx" ON "provider_calls"("tm_create");
ALTER TABLE "provider_calls" ADD CONSTRAINT "provider_calls_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "provider_calls" ADD CONSTRAINT "provider_calls_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
