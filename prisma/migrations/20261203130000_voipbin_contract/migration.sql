-- Fields of VoIPBIN's published contract that the /v1.0 layer lacked.

-- A call's activeflow is named when the call is made (a call with a flow gets one), so the call
-- shows it from its first answer and the activeflow, created on the answer, takes that id.
ALTER TABLE "calls" ADD COLUMN "activeflow_id" UUID;
UPDATE "calls" c SET "activeflow_id" = a."id" FROM "activeflows" a WHERE a."reference_type" = 'call' AND a."reference_id" = c."id";

-- The flow to run when the activeflow's flow ends, as it was when it started; and deletion.
ALTER TABLE "activeflows" ADD COLUMN "on_complete_flow_id" UUID;
ALTER TABLE "activeflows" ADD COLUMN "tm_delete" TIMESTAMPTZ(6);
UPDATE "activeflows" a SET "on_complete_flow_id" = f."on_complete_flow_id" FROM "flows" f WHERE f."id" = a."flow_id";

-- The call's activeflow when the recording started.
ALTER TABLE "recordings" ADD COLUMN "activeflow_id" UUID;

-- The flow for incoming messages (kept for VoIPBIN's clients; the product has no messaging).
ALTER TABLE "numbers" ADD COLUMN "message_flow_id" UUID;
ALTER TABLE "numbers" ADD CONSTRAINT "numbers_message_flow_id_fkey" FOREIGN KEY ("message_flow_id") REFERENCES "flows"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "access_keys" ADD COLUMN "detail" TEXT NOT NULL DEFAULT '';
ALTER TABLE "access_keys" ADD COLUMN "token_prefix" TEXT NOT NULL DEFAULT '';
ALTER TABLE "access_keys" ADD COLUMN "tm_update" TIMESTAMPTZ(6) NOT NULL DEFAULT now();
UPDATE "access_keys" SET "tm_update" = "tm_create";

-- The customer's own contact fields and its VoIPBIN-style webhook.
ALTER TABLE "customers" ADD COLUMN "detail" TEXT NOT NULL DEFAULT '';
ALTER TABLE "customers" ADD COLUMN "email" TEXT NOT NULL DEFAULT '';
ALTER TABLE "customers" ADD COLUMN "phone_number" TEXT NOT NULL DEFAULT '';
ALTER TABLE "customers" ADD COLUMN "address" TEXT NOT NULL DEFAULT '';
ALTER TABLE "customers" ADD COLUMN "tm_update" TIMESTAMPTZ(6) NOT NULL DEFAULT now();
UPDATE "customers" SET "tm_update" = "tm_create";

-- A customer's webhook_uri is a webhook row like /v1.0/webhooks endpoints (one delivery path),
-- marked as the customer's; deliveries use its method.
ALTER TABLE "webhooks" ADD COLUMN "method" TEXT NOT NULL DEFAULT 'POST';
ALTER TABLE "webhooks" ADD COLUMN "customer_managed" BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX "webhooks_customer_managed_key" ON "webhooks"("customer_id") WHERE "customer_managed" AND "tm_delete" IS NULL;
