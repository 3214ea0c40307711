-- What the product knows about a hangup beyond its reason: why an originate could not be made,
-- or that the call was ended by reconciliation (its channel was gone while no one listened).
ALTER TABLE "calls" ADD COLUMN "hangup_detail" TEXT;
ALTER TABLE "calls" ADD COLUMN "hangup_reconciled" BOOLEAN NOT NULL DEFAULT false;
