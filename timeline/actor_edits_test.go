package timeline

import "testing"

func TestActorEditsApply(t *testing.T) {
	acts := &Actors{
		List: []Actor{
			{ID: "trump", Name: "Donald Trump", Kind: Person, Variants: []string{"Trump", "Donald Trump", "Melania"}, Mentions: 4},
			{ID: "lavrov", Name: "Sergei Lavrov", Kind: Person, Variants: []string{"Lavrov"}, Mentions: 1},
			{ID: "lavrow", Name: "Lavrow", Kind: Person, Variants: []string{"Lavrow"}, Mentions: 1},
		},
		Mentions: []ActorMention{
			{Actor: "trump", Text: "Trump"}, {Actor: "trump", Text: "Donald Trump"}, {Actor: "trump", Text: "Melania"}, {Actor: "trump", Text: "Melania"},
			{Actor: "lavrov", Text: "Lavrov"}, {Actor: "lavrow", Text: "Lavrow"},
		},
	}
	skipped := acts.Apply([]ActorEdit{
		{Op: "merge", Actor: "lavrow", Target: "lavrov"},
		{Op: "split", Actor: "trump", Target: "Melania", Name: "Melania Trump"},
		{Op: "rename", Actor: "lavrov", Name: "Sergey Lavrov"},
		{Op: "rename", Actor: "ghost", Name: "Nobody"},
	})
	if len(skipped) != 1 || skipped[0].Actor != "ghost" {
		t.Fatalf("skipped %v", skipped)
	}
	byID := map[string]Actor{}
	for _, a := range acts.List {
		byID[a.ID] = a
	}
	if a := byID["lavrov"]; a.Name != "Sergey Lavrov" || a.Mentions != 2 || len(a.Variants) != 2 {
		t.Errorf("lavrov %+v", a)
	}
	if _, ok := byID["lavrow"]; ok {
		t.Error("merged actor still listed")
	}
	if a := byID["trump/melania"]; a.Name != "Melania Trump" || a.Mentions != 2 {
		t.Errorf("split %+v", a)
	}
	if a := byID["trump"]; a.Mentions != 2 {
		t.Errorf("trump after split %+v", a)
	}
}

func TestChunksKeepOrder(t *testing.T) {
	for _, n := range []int{0, 1, 16, 17, 5000, 300_000} {
		var c chunks[int]
		for i := 0; i < n; i++ {
			c.add(i)
		}
		all := c.all()
		if len(all) != n {
			t.Fatalf("%d values: got %d", n, len(all))
		}
		for i, v := range all {
			if v != i {
				t.Fatalf("%d values: [%d] = %d", n, i, v)
			}
		}
	}
}
