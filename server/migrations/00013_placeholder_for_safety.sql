-- Placeholder so the push branch migrates on its own: the safety branch owns 00013.
-- Delete this file when merging that branch.
select 1;
