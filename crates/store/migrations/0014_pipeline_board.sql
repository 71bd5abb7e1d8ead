-- A pipeline's board reads each workflow status's first cards (latest moved in first) and its
-- count: without this index a 10,000-member pipeline is sorted whole for every column.
CREATE INDEX pipeline_members_board ON pipeline_members (pipeline_id, status, status_at DESC, cand);
