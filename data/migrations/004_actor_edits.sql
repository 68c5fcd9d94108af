-- The user's corrections to the actors the engine finds: renames, merges
-- and splits, replayed on every analysis (actor ids are stable keys).
CREATE TABLE actor_edits (
	id         INTEGER PRIMARY KEY,
	op         TEXT NOT NULL CHECK (op IN ('rename', 'merge', 'split')),
	actor      TEXT NOT NULL, -- the actor edited
	target     TEXT NOT NULL DEFAULT '', -- merge: the actor merged into; split: the variant split off
	name       TEXT NOT NULL DEFAULT '', -- rename and split: the new display name
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
