-- CreateTable
CREATE TABLE "customers" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_delete" TIMESTAMPTZ(6),

    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_keys" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "token_hash" TEXT NOT NULL,
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_expire" TIMESTAMPTZ(6),
    "tm_delete" TIMESTAMPTZ(6),

    CONSTRAINT "access_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flows" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'flow',
    "name" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL DEFAULT '',
    "actions" JSONB NOT NULL DEFAULT '[]',
    "on_complete_flow_id" UUID,
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_update" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_delete" TIMESTAMPTZ(6),

    CONSTRAINT "flows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calls" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "flow_id" UUID,
    "type" TEXT NOT NULL DEFAULT 'flow',
    "status" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "source" JSONB NOT NULL,
    "destination" JSONB NOT NULL,
    "master_call_id" UUID,
    "recording_id" UUID,
    "recording_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "action" JSONB,
    "early_execution" BOOLEAN NOT NULL DEFAULT false,
    "dial_timeout" INTEGER NOT NULL DEFAULT 30000,
    "hangup_request" TEXT,
    "hangup_by" TEXT,
    "hangup_reason" TEXT,
    "hangup_cause" INTEGER,
    "event_seq" INTEGER NOT NULL DEFAULT 0,
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_update" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_ringing" TIMESTAMPTZ(6),
    "tm_progressing" TIMESTAMPTZ(6),
    "tm_hangup" TIMESTAMPTZ(6),
    "tm_delete" TIMESTAMPTZ(6),

    CONSTRAINT "calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" BIGSERIAL NOT NULL,
    "customer_id" UUID NOT NULL,
    "resource_type" TEXT NOT NULL,
    "resource_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(6),

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "access_keys_token_hash_key" ON "access_keys"("token_hash");

-- CreateIndex
CREATE INDEX "access_keys_customer_id_idx" ON "access_keys"("customer_id");

-- CreateIndex
CREATE INDEX "flows_customer_id_tm_create_idx" ON "flows"("customer_id", "tm_create");

-- CreateIndex
CREATE INDEX "calls_customer_id_tm_create_idx" ON "calls"("customer_id", "tm_create" DESC);

-- CreateIndex
CREATE INDEX "calls_master_call_id_idx" ON "calls"("master_call_id");

-- CreateIndex
CREATE INDEX "calls_status_idx" ON "calls"("status");

-- CreateIndex
CREATE UNIQUE INDEX "events_resource_id_sequence_key" ON "events"("resource_id", "sequence");

-- CreateIndex
CREATE INDEX "events_customer_id_id_idx" ON "events"("customer_id", "id");

-- AddForeignKey
ALTER TABLE "access_keys" ADD CONSTRAINT "access_keys_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flows" ADD CONSTRAINT "flows_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_flow_id_fkey" FOREIGN KEY ("flow_id") REFERENCES "flows"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_master_call_id_fkey" FOREIGN KEY ("master_call_id") REFERENCES "calls"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "events_published_at_id_idx" ON "events"("published_at", "id");
