-- A transfer to several transferees rings them as a groupcall of the caller (docs/transfers.md).
-- destinations: every transferee asked for (destination stays the first); ring_method: ring_all or linear;
-- groupcall_id: chosen with the transfer; consult_call_ids: every call to a transferee (one, or the
-- groupcall's legs, their ids derived from it), so a change of any of them is known as the transfer's.
-- consult_call_id is the transferee: the one consult call, or the leg that answered first.
ALTER TABLE "transfers" ADD COLUMN "destinations" JSONB NOT NULL DEFAULT '[]',
                        ADD COLUMN "ring_method" TEXT NOT NULL DEFAULT 'ring_all',
                        ADD COLUMN "groupcall_id" UUID,
                        ADD COLUMN "consult_call_ids" UUID[] NOT NULL DEFAULT '{}';
UPDATE "transfers" SET "destinations" = jsonb_build_array("destination"),
                       "consult_call_ids" = CASE WHEN "consult_call_id" IS NULL THEN '{}' ELSE ARRAY["consult_call_id"] END;
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_ring_method_check" CHECK ("ring_method" IN ('ring_all', 'linear'));
CREATE INDEX "transfers_consult_call_ids_idx" ON "transfers" USING GIN ("consult_call_ids");
CREATE INDEX "transfers_groupcall_id_idx" ON "transfers"("groupcall_id");
