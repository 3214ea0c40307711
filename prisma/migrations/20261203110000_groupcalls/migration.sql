-- Groupcalls: one call to several destinations, where the first answer wins (ring_all) or the
-- destinations are dialled one after another (linear). The legs are calls with groupcall_id.
CREATE TABLE "groupcalls" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "flow_id" UUID,
    "source" JSONB NOT NULL,
    "destinations" JSONB NOT NULL,
    "ring_method" TEXT NOT NULL,
    "answer_method" TEXT NOT NULL,
    "answer_call_id" UUID,
    "answer_groupcall_id" UUID,
    "call_ids" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[],
    "groupcall_ids" UUID[] NOT NULL DEFAULT ARRAY[]::UUID[],
    "master_call_id" UUID,
    "master_groupcall_id" UUID,
    "status" TEXT NOT NULL,
    "dial_index" INTEGER NOT NULL DEFAULT 0,
    "dial_timeout" INTEGER NOT NULL DEFAULT 30000,
    "event_seq" INTEGER NOT NULL DEFAULT 0,
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_update" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_hangup" TIMESTAMPTZ(6),
    "tm_delete" TIMESTAMPTZ(6),

    CONSTRAINT "groupcalls_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "groupcalls_customer_id_tm_create_idx" ON "groupcalls"("customer_id", "tm_create" DESC);

ALTER TABLE "groupcalls" ADD CONSTRAINT "groupcalls_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A leg of a groupcall: the reactions to its answer and its end move the groupcall.
ALTER TABLE "calls" ADD COLUMN "groupcall_id" UUID;
CREATE INDEX "calls_groupcall_id_idx" ON "calls"("groupcall_id");
