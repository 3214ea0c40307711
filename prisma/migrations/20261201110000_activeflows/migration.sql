-- One execution of a flow on a call: where it is, what it did, its variables.
CREATE TABLE "activeflows" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "flow_id" UUID NOT NULL,
    "reference_type" TEXT NOT NULL DEFAULT 'call',
    "reference_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "step" INTEGER NOT NULL DEFAULT 0,
    "current_action" JSONB,
    "executed_actions" JSONB NOT NULL DEFAULT '[]',
    "variables" JSONB NOT NULL DEFAULT '{}',
    "loop_counts" JSONB NOT NULL DEFAULT '{}',
    "event_seq" INTEGER NOT NULL DEFAULT 0,
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_update" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_end" TIMESTAMPTZ(6),

    CONSTRAINT "activeflows_pkey" PRIMARY KEY ("id")
);

-- One activeflow per call: starting twice (a retried job, a repeated answer) is a no-op.
CREATE UNIQUE INDEX "activeflows_reference_type_reference_id_key" ON "activeflows"("reference_type", "reference_id");

CREATE INDEX "activeflows_customer_id_tm_create_idx" ON "activeflows"("customer_id", "tm_create" DESC);

ALTER TABLE "activeflows" ADD CONSTRAINT "activeflows_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "activeflows" ADD CONSTRAINT "activeflows_flow_id_fkey" FOREIGN KEY ("flow_id") REFERENCES "flows"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
