-- A groupcall ends once its nested groupcalls ended: found by their master.
CREATE INDEX "groupcalls_master_groupcall_id_idx" ON "groupcalls"("master_groupcall_id");
