-- Sentences enter the full-text index a batch at a time (one INSERT ...
-- SELECT per import transaction), about fifteen times faster than the
-- per-row trigger this replaces. Deletes and updates still use triggers.
DROP TRIGGER sentences_ai;
