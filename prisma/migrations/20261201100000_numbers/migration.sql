-- CreateTable
CREATE TABLE "numbers" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "call_flow_id" UUID,
    "name" TEXT NOT NULL DEFAULT '',
    "detail" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'active',
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_update" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_delete" TIMESTAMPTZ(6),

    CONSTRAINT "numbers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "numbers_customer_id_tm_create_idx" ON "numbers"("customer_id", "tm_create");

-- CreateIndex
CREATE INDEX "numbers_number_idx" ON "numbers"("number");

-- One holder per number across all customers; a deleted number may be registered again.
CREATE UNIQUE INDEX "numbers_number_live_key" ON "numbers"("number") WHERE "tm_delete" IS NULL;

-- AddForeignKey
ALTER TABLE "numbers" ADD CONSTRAINT "numbers_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "numbers" ADD CONSTRAINT "numbers_call_flow_id_fkey" FOREIGN KEY ("call_flow_id") REFERENCES "flows"("id") ON DELETE SET NULL ON UPDATE CASCADE;
