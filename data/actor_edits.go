package data

import (
	"context"
	"fmt"

	"github.com/newsreel/newsreel/timeline"
)

// StoredEdit is an actor edit with its id.
type StoredEdit struct {
	ID int64
	timeline.ActorEdit
}

// AddActorEdit stores a rename, merge or split.
func (d *DB) AddActorEdit(ctx context.Context, e timeline.ActorEdit) error {
	switch e.Op {
	case "rename", "merge", "split":
	default:
		return fmt.Errorf("unknown actor edit %q (rename, merge or split)", e.Op)
	}
	_, err := d.db.ExecContext(ctx, `INSERT INTO actor_edits (op, actor, target, name) VALUES (?, ?, ?, ?)`, e.Op, e.Actor, e.Target, e.Name)
	if err != nil {
		return d.describe(err)
	}
	return nil
}

// ActorEdits lists the edits in the order they were made.
func (d *DB) ActorEdits(ctx context.Context) ([]StoredEdit, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, op, actor, target, name FROM actor_edits ORDER BY id`)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	var out []StoredEdit
	for rows.Next() {
		var e StoredEdit
		if err := rows.Scan(&e.ID, &e.Op, &e.Actor, &e.Target, &e.Name); err != nil {
			return nil, d.describe(err)
		}
		out = append(out, e)
	}
	return out, d.describeErr(rows.Err())
}

// UndoActorEdit removes the most recent edit (or the one with id) and
// returns it.
func (d *DB) UndoActorEdit(ctx context.Context, id int64) (StoredEdit, error) {
	edits, err := d.ActorEdits(ctx)
	if err != nil {
		return StoredEdit{}, err
	}
	if len(edits) == 0 {
		return StoredEdit{}, fmt.Errorf("there is no actor edit to undo")
	}
	e := edits[len(edits)-1]
	if id != 0 {
		found := false
		for _, x := range edits {
			if x.ID == id {
				e, found = x, true
			}
		}
		if !found {
			return StoredEdit{}, fmt.Errorf("no actor edit %d", id)
		}
	}
	if _, err := d.db.ExecContext(ctx, `DELETE FROM actor_edits WHERE id = ?`, e.ID); err != nil {
		return StoredEdit{}, d.describe(err)
	}
	return e, nil
}

// EditsOnly returns the edits without their ids.
func EditsOnly(s []StoredEdit) []timeline.ActorEdit {
	out := make([]timeline.ActorEdit, len(s))
	for i, e := range s {
		out[i] = e.ActorEdit
	}
	return out
}
