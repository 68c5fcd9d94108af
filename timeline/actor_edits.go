package timeline

import (
	"fmt"
	"sort"
	"strings"
)

// ActorEdit is a user's correction to the actors: it survives re-analysis
// because actor ids are stable keys derived from the names.
type ActorEdit struct {
	Op     string // "rename", "merge" or "split"
	Actor  string // the actor's id
	Target string // merge: the id merged into; split: the variant (as written) that is another actor
	Name   string // rename, split: the display name
}

// Apply replays edits, in order, on the actors and their mentions. Edits
// whose actors no longer exist are skipped and returned.
func (a *Actors) Apply(edits []ActorEdit) []ActorEdit {
	var skipped []ActorEdit
	for _, e := range edits {
		if !a.apply(e) {
			skipped = append(skipped, e)
		}
	}
	return skipped
}

func (a *Actors) find(id string) int {
	for i := range a.List {
		if a.List[i].ID == id {
			return i
		}
	}
	return -1
}

func (a *Actors) apply(e ActorEdit) bool {
	return a.applyWith(e, func(from, variant, to string) int {
		moved := 0
		for k := range a.Mentions {
			if a.Mentions[k].Actor == from && (variant == "" || a.Mentions[k].Text == variant) {
				a.Mentions[k].Actor = to
				moved++
			}
		}
		return moved
	})
}

// applyWith applies an edit to the list, moving the mentions with relabel:
// those of actor from (only those written variant, unless it is "") go to
// actor to; it returns how many moved.
func (a *Actors) applyWith(e ActorEdit, relabel func(from, variant, to string) int) bool {
	i := a.find(e.Actor)
	if i < 0 {
		return false
	}
	switch e.Op {
	case "rename":
		if strings.TrimSpace(e.Name) == "" {
			return false
		}
		a.List[i].Name = strings.TrimSpace(e.Name)
	case "merge":
		j := a.find(e.Target)
		if j < 0 || j == i {
			return false
		}
		into := &a.List[j]
		into.Mentions += a.List[i].Mentions
		into.Variants = mergeStrings(into.Variants, a.List[i].Variants)
		into.Titles = mergeStrings(into.Titles, a.List[i].Titles)
		relabel(e.Actor, "", e.Target)
		a.List = append(a.List[:i], a.List[i+1:]...)
	case "split":
		variant := strings.TrimSpace(e.Target)
		name := strings.TrimSpace(e.Name)
		if variant == "" || name == "" {
			return false
		}
		newID := splitID(e.Actor, variant)
		moved := relabel(e.Actor, variant, newID)
		if moved == 0 {
			return false
		}
		a.List[i].Mentions -= moved
		a.List[i].Variants = removeString(a.List[i].Variants, variant)
		a.List = append(a.List, Actor{ID: newID, Name: name, Kind: a.List[i].Kind, Variants: []string{variant}, Mentions: moved})
	default:
		return false
	}
	sort.SliceStable(a.List, func(x, y int) bool {
		if (a.List[x].Kind == Person) != (a.List[y].Kind == Person) {
			return a.List[x].Kind == Person
		}
		return a.List[x].Mentions > a.List[y].Mentions
	})
	return true
}

// splitID is the id of the actor a split makes of actor's variant.
func splitID(actor, variant string) string { return actor + "/" + strings.ToLower(variant) }

func mergeStrings(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(append([]string(nil), a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func removeString(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// String describes an edit for people.
func (e ActorEdit) String() string {
	switch e.Op {
	case "rename":
		return fmt.Sprintf("rename %s to %q", e.Actor, e.Name)
	case "merge":
		return fmt.Sprintf("merge %s into %s", e.Actor, e.Target)
	case "split":
		return fmt.Sprintf("split %q off %s as %q", e.Target, e.Actor, e.Name)
	}
	return e.Op
}
