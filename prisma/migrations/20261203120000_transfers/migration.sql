-- A transfer of a caller from its transferer to a transferee (the consult call, chained to the caller).
-- Its status only moves forward: dialing → ringing → consulting → completed | cancelled | failed.
CREATE TABLE "transfers" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'dialing',
    "transferer_call_id" UUID NOT NULL,
    "caller_call_id" UUID NOT NULL,
    "consult_call_id" UUID,
    "destination" JSONB NOT NULL,
    "context" JSONB NOT NULL DEFAULT '{}',
    "timeout" INTEGER NOT NULL DEFAULT 30000,
    "fallback_flow_id" UUID,
    "fallback_actions" JSONB,
    "idempotency_key" TEXT,
    "reason" TEXT,
    "event_seq" INTEGER NOT NULL DEFAULT 0,
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_update" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_ringing" TIMESTAMPTZ(6),
    "tm_answer" TIMESTAMPTZ(6),
    "tm_end" TIMESTAMPTZ(6),
    CONSTRAINT "transfers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "transfers_type_check" CHECK ("type" IN ('blind', 'attended')),
    CONSTRAINT "transfers_status_check" CHECK ("status" IN ('dialing', 'ringing', 'consulting', 'completed', 'cancelled', 'failed'))
);

ALTER TABLE "transfers" ADD CONSTRAINT "transfers_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "transfers_customer_id_tm_create_idx" ON "transfers"("customer_id", "tm_create" DESC);
CREATE INDEX "transfers_consult_call_id_idx" ON "transfers"("consult_call_id");
-- A retried request with the same key finds the first transfer.
CREATE UNIQUE INDEX "transfers_customer_id_idempotency_key_key" ON "transfers"("customer_id", "idempotency_key") WHERE "idempotency_key" IS NOT NULL;
-- One transfer in progress per call, on either side of it: a second one is refused by the database itself.
CREATE UNIQUE INDEX "transfers_active_transferer_key" ON "transfers"("transferer_call_id") WHERE "status" IN ('dialing', 'ringing', 'consulting');
CREATE UNIQUE INDEX "transfers_active_caller_key" ON "transfers"("caller_call_id") WHERE "status" IN ('dialing', 'ringing', 'consulting');
