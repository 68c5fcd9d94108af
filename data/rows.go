package data

import (
	"context"
	"database/sql"
	"strings"
)

// rowInserter inserts many rows into a table with few statements: rows go
// in chunks of rowChunks rows per INSERT (one statement per chunk size,
// prepared on first use in the transaction), which saves most of the cost
// of a statement per row.
type rowInserter struct {
	ctx   context.Context
	tx    *sql.Tx
	head  string // INSERT INTO table (columns) VALUES, or INSERT OR IGNORE ...
	cols  int
	stmts map[int]*sql.Stmt
	args  []any // the rows to insert, cols values each
}

// rowChunks are the chunk sizes, largest first; the last must be 1.
var rowChunks = []int{32, 8, 4, 2, 1}

// newRowInserter inserts rows with insert ("INSERT INTO table") into columns.
func newRowInserter(ctx context.Context, tx *sql.Tx, insert string, columns ...string) *rowInserter {
	return &rowInserter{ctx: ctx, tx: tx, head: insert + " (" + strings.Join(columns, ", ") + ") VALUES ",
		cols: len(columns), stmts: map[int]*sql.Stmt{}}
}

// add queues one row (cols values).
func (r *rowInserter) add(values ...any) { r.args = append(r.args, values...) }

// flush inserts the queued rows.
func (r *rowInserter) flush() error {
	args := r.args
	r.args = r.args[:0]
	for _, n := range rowChunks {
		for len(args) >= n*r.cols {
			st, err := r.stmt(n)
			if err != nil {
				return err
			}
			// Query, not Exec: the driver binds every value and steps in
			// one call into SQLite (Exec crosses into C once per value).
			rows, err := st.QueryContext(r.ctx, args[:n*r.cols]...)
			if err != nil {
				return err
			}
			if err := rows.Close(); err != nil {
				return err
			}
			args = args[n*r.cols:]
		}
	}
	return nil
}

// stmt returns the statement that inserts n rows.
func (r *rowInserter) stmt(n int) (*sql.Stmt, error) {
	if st := r.stmts[n]; st != nil {
		return st, nil
	}
	row := "(?" + strings.Repeat(", ?", r.cols-1) + ")"
	st, err := r.tx.PrepareContext(r.ctx, r.head+row+strings.Repeat(", "+row, n-1))
	if err != nil {
		return nil, err
	}
	r.stmts[n] = st
	return st, nil
}

func (r *rowInserter) close() {
	for _, st := range r.stmts {
		st.Close()
	}
}
