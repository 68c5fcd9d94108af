package ui

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsreel/newsreel/data"
	"github.com/newsreel/newsreel/timeline"
)

// peopleView lists the actors with their spellings and per-source
// mentions, and the quote clusters with their variants side by side.
type peopleView struct {
	w        *Window
	a        *analysis
	current  int // selected actor, -1 for none
	rename   *widget.Button
	merge    *widget.Button
	actors   *widget.List
	actorBox *widget.RichText
	clusters *widget.List
	quotesAt *widget.Label // the clusters' heading
	quoteBox *textList     // the selected cluster's wording in each source
	people   []timeline.Actor
	seq      int // counts the people shown, so a late read does not overwrite a newer one
	// clusterSeq counts the clusters shown, likewise.
	clusterSeq int
	root       fyne.CanvasObject
}

func newPeopleView(w *Window) *peopleView {
	v := &peopleView{w: w, quoteBox: newTextList(), current: -1}
	v.rename = widget.NewButton("Rename…", v.askRename)
	v.merge = widget.NewButton("Merge into…", v.askMerge)
	v.actorBox = widget.NewRichTextWithText("Select a person to see their spellings, titles and coverage.")
	v.actorBox.Wrapping = fyne.TextWrapWord
	v.actors = widget.NewList(
		func() int { return len(v.people) },
		func() fyne.CanvasObject { return widget.NewLabel("actor name placeholder — 000 mentions") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			a := v.people[id]
			o.(*widget.Label).SetText(fmt.Sprintf("%s — %s (%s)", a.Name, plural(a.Mentions, "mention"), a.Kind))
		})
	v.actors.OnSelected = v.showActor
	v.clusters = widget.NewList(
		func() int {
			if v.a == nil {
				return 0
			}
			return len(v.a.people.Clusters)
		},
		func() fyne.CanvasObject { return widget.NewLabel("quote cluster placeholder text") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c := v.a.people.Clusters[id]
			who := c.SpeakerName
			if who == "" {
				who = "unknown speaker"
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s: “%s” (%s)", who, ellipsis(c.Text, 70), plural(c.VariantCount, "variant")))
		})
	v.clusters.OnSelected = v.showCluster
	left := container.NewVSplit(
		container.NewBorder(widget.NewLabelWithStyle("People, organisations, places", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, v.actors),
		container.NewBorder(container.NewHBox(v.rename, v.merge), nil, nil, nil, container.NewScroll(v.actorBox)))
	v.quotesAt = widget.NewLabelWithStyle(quotesHeading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	right := container.NewVSplit(
		container.NewBorder(v.quotesAt, nil, nil, nil, v.clusters),
		v.quoteBox)
	split := container.NewHSplit(left, right)
	split.Offset = 0.4
	v.root = split
	return v
}

func (v *peopleView) content() fyne.CanvasObject { return v.root }

func (v *peopleView) show(a *analysis) {
	v.a = a
	v.people = a.people.Actors
	v.actors.UnselectAll()
	v.clusters.UnselectAll()
	v.actors.Refresh()
	v.clusters.Refresh()
	if n := a.people.ClusterCount; n > len(a.people.Clusters) {
		v.quotesAt.SetText(fmt.Sprintf("%s (the %d largest of %d; newsreel quotes lists them all)", quotesHeading, len(a.people.Clusters), n))
	} else {
		v.quotesAt.SetText(quotesHeading)
	}
	if len(a.people.Clusters) == 0 {
		v.quoteBox.SetRows([][]widget.RichTextSegment{plainText("No quotations found yet: import articles that quote people.")})
	} else {
		v.clusters.Select(0)
	}
	if len(v.people) == 0 {
		v.actorBox.ParseMarkdown("No people found yet: import articles about an event.")
	} else {
		v.actors.Select(0)
	}
}

func (v *peopleView) showActor(id widget.ListItemID) {
	v.current = id
	act := v.people[id]
	v.seq++
	v.actorBox.ParseMarkdown(v.describe(act, nil, nil))
	// The person's mentions and quoted words per source, read from the store.
	seq, an := v.seq, v.a
	type perSource struct{ mentions, quoted map[string]int }
	fetch(v.w, func(ctx context.Context, db *data.DB) (perSource, error) {
		sums, err := db.ActorSources(ctx, []string{act.ID}, true) // wire copies included
		if err != nil {
			return perSource{}, err
		}
		per := perSource{mentions: map[string]int{}, quoted: map[string]int{}}
		for _, c := range sums {
			per.mentions[c.Source] += c.Mentions
			if c.QuotedWords > 0 {
				per.quoted[c.Source] += c.QuotedWords
			}
		}
		return per, nil
	}, func(per perSource, err error) {
		if seq != v.seq || v.a != an {
			return // another person is shown now
		}
		if err != nil {
			v.actorBox.ParseMarkdown(v.describe(act, nil, nil) + "\n\nTheir coverage could not be read: " + err.Error())
			return
		}
		v.actorBox.ParseMarkdown(v.describe(act, per.mentions, per.quoted))
	})
}

// describe is the Markdown of a person's detail; per and quoted (nil
// while they are read) are their mentions and quoted words per source.
func (v *peopleView) describe(a timeline.Actor, per, quoted map[string]int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n*%s* · %s\n\n", a.Name, a.Kind, plural(a.Mentions, "mention"))
	fmt.Fprintf(&b, "**Written as:** %s\n\n", strings.Join(a.Variants, " · "))
	if len(a.Titles) > 0 {
		fmt.Fprintf(&b, "**Titles:** %s\n\n", strings.Join(a.Titles, " · "))
	}
	if per == nil {
		return b.String()
	}
	b.WriteString("**Per source** (mentions, words quoted):\n\n")
	var srcs []string
	for _, src := range v.a.labels {
		if per[src] > 0 || quoted[src] > 0 {
			srcs = append(srcs, src)
		}
	}
	sort.SliceStable(srcs, func(i, j int) bool { return per[srcs[i]] > per[srcs[j]] })
	for k, src := range srcs {
		if k == maxListed {
			fmt.Fprintf(&b, "- … and %d more sources\n", len(srcs)-maxListed)
			break
		}
		fmt.Fprintf(&b, "- %s: %d, %d\n", src, per[src], quoted[src])
	}
	return b.String()
}

// quotesHeading heads the quotation clusters.
const quotesHeading = "Quotations, clustered across sources"

// showCluster shows a cluster's first variants, read from the store.
func (v *peopleView) showCluster(id widget.ListItemID) {
	brief := v.a.people.Clusters[id]
	head := []widget.RichTextSegment{&widget.TextSegment{Text: fmt.Sprintf("“%s” — %s", brief.Text, nonEmpty(brief.SpeakerName, "unknown speaker")), Style: widget.RichTextStyleStrong}}
	v.quoteBox.SetRows([][]widget.RichTextSegment{head})
	v.clusterSeq++
	seq, an := v.clusterSeq, v.a
	type page struct {
		c     timeline.QuoteCluster
		total int
	}
	fetch(v.w, func(ctx context.Context, db *data.DB) (page, error) {
		c, total, _, err := db.ClusterVariants(ctx, brief.ID, 0, maxListed)
		return page{c, total}, err
	}, func(p page, err error) {
		if seq != v.clusterSeq || v.a != an {
			return // another cluster is shown now
		}
		if err != nil {
			v.quoteBox.SetRows([][]widget.RichTextSegment{head, plainText("Its variants could not be read: " + err.Error())})
			return
		}
		v.quoteBox.SetRows(variantRows(head, p.c, p.total))
	})
}

// variantRows lists a cluster's variants read (of total) after its head.
func variantRows(head []widget.RichTextSegment, c timeline.QuoteCluster, total int) [][]widget.RichTextSegment {
	rows := [][]widget.RichTextSegment{head}
	for i, q := range c.Variants {
		segs := []widget.RichTextSegment{
			&widget.TextSegment{Text: q.Source + ": ", Style: widget.RichTextStyleStrong},
			&widget.TextSegment{Text: "“" + q.Text + "”", Style: widget.RichTextStyleInline},
		}
		if q.SpeakerName != "" && q.SpeakerName != c.SpeakerName {
			segs = append(segs, &widget.TextSegment{Text: " (attributed to " + q.SpeakerName + ")", Style: widget.RichTextStyleEmphasis})
		}
		if note := wordingNote(c.Changes[i]); note != "" {
			segs = append(segs, &widget.TextSegment{Text: "  — " + note, Style: widget.RichTextStyleEmphasis})
		}
		rows = append(rows, segs)
	}
	if n := total - len(c.Variants); n > 0 {
		rows = append(rows, plainText(fmt.Sprintf("… and %d more variants (newsreel quotes lists them all)", n)))
	}
	return rows
}

// plainText is one paragraph of ordinary text.
func plainText(s string) []widget.RichTextSegment {
	return []widget.RichTextSegment{&widget.TextSegment{Text: s, Style: widget.RichTextStyleInline}}
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// maxListed caps panels that are not virtualised: sources of an actor,
// variants of a quotation. (The discrepancies shown and their claims: see
// data.ScreenBrief.)
const maxListed = 40

// disagreementsView shows each discrepancy with every source's value.
type disagreementsView struct {
	w    *Window
	box  *textList
	root fyne.CanvasObject
}

func newDisagreementsView(w *Window) *disagreementsView {
	v := &disagreementsView{w: w, box: newTextList()}
	v.root = v.box
	return v
}

func (v *disagreementsView) content() fyne.CanvasObject { return v.root }

func (v *disagreementsView) show(a *analysis) {
	if len(a.people.Discrepancies) == 0 {
		v.box.SetRows([][]widget.RichTextSegment{plainText("The sources agree on every number and time they share (or give too few to compare).")})
		return
	}
	// The most contested quantities first, a bounded number (as read).
	var rows [][]widget.RichTextSegment
	ds := a.people.Discrepancies
	if n := a.people.DiscrepancyCount; n > len(ds) {
		rows = append(rows, plainText(fmt.Sprintf("The %d most contested of %d quantities (export the claims with newsreel export csv for all):", len(ds), n)))
	}
	for _, d := range ds {
		rows = append(rows, []widget.RichTextSegment{&widget.TextSegment{Text: fmt.Sprintf("%s — sources disagree", capitalize(d.Quantity)), Style: widget.RichTextStyleStrong}})
		for _, c := range d.Claims {
			note := ""
			if c.Expected {
				note = " (an expectation, not a measurement)"
			}
			rows = append(rows, []widget.RichTextSegment{
				&widget.TextSegment{Text: c.Source + ": ", Style: widget.RichTextStyleStrong},
				&widget.TextSegment{Text: fmt.Sprintf("%s = %s%s — ", c.Value, c.Describe(), note), Style: widget.RichTextStyleInline},
				&widget.TextSegment{Text: c.Text, Style: widget.RichTextStyleEmphasis},
			})
		}
		if n := d.ClaimCount - len(d.Claims); n > 0 {
			rows = append(rows, plainText(fmt.Sprintf("… and %d more values", n)))
		}
	}
	v.box.SetRows(rows)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// wordingNote describes how a variant differs from the cluster's wording:
// nothing, an excerpt, or the words it adds and drops.
func wordingNote(changes []timeline.WordChange) string {
	var added, dropped []string
	for _, c := range changes {
		if c.Op == "+" {
			added = append(added, c.Text)
		} else {
			dropped = append(dropped, c.Text)
		}
	}
	switch {
	case len(changes) == 0:
		return ""
	case len(added) == 0:
		return "an excerpt"
	case len(dropped) == 0:
		return "adds: " + strings.Join(added, " … ")
	}
	return "reads “" + strings.Join(added, " … ") + "” where others have “" + strings.Join(dropped, " … ") + "”"
}

// askRename renames the selected actor; the edit is stored and replayed on
// every analysis.
func (v *peopleView) askRename() {
	if v.current < 0 || v.current >= len(v.people) {
		return
	}
	a := v.people[v.current]
	entry := widget.NewEntry()
	entry.SetText(a.Name)
	dialog.ShowForm("Rename "+a.Name, "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", entry)}, func(ok bool) {
		if ok {
			v.w.saveActorEdit(timeline.ActorEdit{Op: "rename", Actor: a.ID, Name: entry.Text})
		}
	}, v.w.win)
}

// askMerge merges the selected actor into another one of the same kind.
func (v *peopleView) askMerge() {
	if v.current < 0 || v.current >= len(v.people) {
		return
	}
	a := v.people[v.current]
	var names []string
	var ids []string
	for _, o := range v.people {
		if o.ID != a.ID && o.Kind == a.Kind {
			names = append(names, o.Name)
			ids = append(ids, o.ID)
		}
	}
	target := widget.NewSelect(names, nil)
	dialog.ShowForm("Merge "+a.Name, "Merge", "Cancel", []*widget.FormItem{widget.NewFormItem("Into", target)}, func(ok bool) {
		if ok && target.SelectedIndex() >= 0 {
			v.w.saveActorEdit(timeline.ActorEdit{Op: "merge", Actor: a.ID, Target: ids[target.SelectedIndex()]})
		}
	}, v.w.win)
}
