package timeline_test

import (
	"strings"
	"testing"

	"github.com/newsreel/newsreel/timeline"
)

// heldOutSet is a folder of articles written by someone who had not read
// the engine (nor, for the later sets, the bundled corpus), about several
// events, each annotated by hand (testdata/heldoutN/<event>.gold.json).
// The engine is scored on each event whole, the way unseen coverage will
// be scored, and held to the set's targets, raised as the engine improves.
type heldOutSet struct {
	dir    string
	events []string
	// Targets.
	minPhaseF1          float64 // per event
	actorsMissing       int     // per event
	unmerged            int     // per event
	nonPersons          int     // per event
	pairRecall          float64 // over the set
	speakers            int     // quote clusters with the right speaker, over the set
	wrongVariantSpeaker int     // quotations with a wrong speaker, over the set (-1: not checked)
	disagreements       int     // gold disagreements found, over the set
}

var heldOutSets = []heldOutSet{
	// Hanoi 2019, Reykjavik 1986, Mar-a-Lago 2017: wire copy, Markdown
	// with front matter, saved HTML pages and an Atom entry.
	{dir: "testdata/heldout2", events: []string{"hanoi", "reykjavik", "maralago"},
		minPhaseF1: 0.9, pairRecall: 1.0, speakers: 29, wrongVariantSpeaker: -1, disagreements: 9},
	// Vienna 1961, Bali 2022, Nagato 2016: wire copy, Markdown, a live
	// blog, saved HTML pages and an RSS item.
	{dir: "testdata/heldout3", events: []string{"vienna", "bali", "nagato"},
		minPhaseF1: 0.85, pairRecall: 1.0, speakers: 42, wrongVariantSpeaker: -1, disagreements: 14},
	// Five other outlets' coverage of the Alaska summit itself (US wire, a
	// British broadsheet's page, Russian state media, a live blog with AKDT
	// stamps, a German RSS item) and the Trump–Xi meeting in Busan 2025.
	{dir: "testdata/heldout4", events: []string{"alaska", "busan"},
		minPhaseF1: 0.9, pairRecall: 1.0, speakers: 45, wrongVariantSpeaker: 0, disagreements: 8},
	// Four more outlets on the Alaska summit: an Indian daily (Markdown,
	// IST), a Ukrainian wire report (Kyiv time), a US cable-news page
	// (saved HTML, ET) and a French analysis (Markdown, CEST, guillemets).
	// The one wrong quotation speaker left is the Kyiv wire's "Nothing
	// about Ukraine without Ukraine", which it gives to Yermak.
	{dir: "testdata/heldout5", events: []string{"alaska5"},
		minPhaseF1: 0.95, actorsMissing: 2, unmerged: 0, nonPersons: 0, pairRecall: 0.96, speakers: 31, wrongVariantSpeaker: 1, disagreements: 4},
	// Four more outlets on Alaska (a Japanese daily in JST, a Chinese state
	// agency, a Gulf broadcaster's newest-first live page in GMT, an Atom
	// feed in ET with an unrelated second entry) and the inter-Korean
	// Panmunjom summit of 2018 (Seoul daily, US wire, North Korean state
	// page). Targets are the first, untuned scores, but for disagreements
	// (2 untuned). Not found: how long before Putin Trump had landed (one
	// outlet gives it only as two clock times), the footbridge tête-à-tête
	// (the Seoul daily's "sat alone … for about 30 minutes" has no talks
	// word) and the working lunch cancelled or held (no claim of a phase's
	// fate yet).
	{dir: "testdata/heldout6", events: []string{"alaska6", "panmunjom6"},
		minPhaseF1: 0.93, actorsMissing: 1, unmerged: 1, nonPersons: 5, pairRecall: 0.83, speakers: 55, wrongVariantSpeaker: 8, disagreements: 7},
	// Bush–Gorbachev at Malta 1989 (1989 wire copy, a British archive page,
	// a Maltese RSS item) and Modi–Xi at Wuhan 2018 (Indian Markdown, a
	// Singapore page, a Chinese agency's RSS item). Targets are the first,
	// untuned scores.
	{dir: "testdata/heldout7", events: []string{"malta7", "wuhan7"},
		minPhaseF1: 0.94, actorsMissing: 7, unmerged: 1, nonPersons: 0, pairRecall: 0.91, speakers: 32, wrongVariantSpeaker: 0, disagreements: 6},
}

// eachHeldOut runs fn for every event of every set, in a subtest per set.
func eachHeldOut(t *testing.T, fn func(t *testing.T, set heldOutSet, events []heldOut)) {
	for _, set := range heldOutSets {
		t.Run(strings.TrimPrefix(set.dir, "testdata/"), func(t *testing.T) {
			var events []heldOut
			for _, name := range set.events {
				events = append(events, loadHeldOutFrom(t, set.dir, name))
			}
			fn(t, set, events)
		})
	}
}

func TestHeldOutSetsPhases(t *testing.T) {
	eachHeldOut(t, func(t *testing.T, set heldOutSet, events []heldOut) {
		for _, h := range events {
			pred := map[string]map[string]bool{}
			for _, a := range h.report.Articles {
				pred[a.File] = a.Reports(timeline.MinConfidence)
			}
			sc := timeline.ScorePhases(h.gold, pred)
			t.Logf("%s: phase F1 %.3f (P %.3f, R %.3f; tp %d, fp %d, fn %d); errors: %s", h.name, sc.F1, sc.Precision, sc.Recall,
				sc.TP, sc.FP, sc.FN, strings.Join(sc.Errors, ", "))
			if sc.F1 < set.minPhaseF1 {
				t.Errorf("%s: phase F1 %.3f below %.2f", h.name, sc.F1, set.minPhaseF1)
			}
		}
	})
}

func TestHeldOutSetsActors(t *testing.T) {
	eachHeldOut(t, func(t *testing.T, set heldOutSet, events []heldOut) {
		for _, h := range events {
			sc := timeline.ScoreActors(h.gold, h.report.Actors)
			t.Logf("%s: actors %d of %d; missing %v; unmerged %v; same-surname people kept apart %v", h.name, sc.Found, sc.Total,
				sc.Missing, sc.Unmerged, sc.MelaniaApart)
			wrong := nonPersonsAmongPeople(h)
			t.Logf("%s: non-persons counted as people: %q", h.name, wrong)
			if sc.Total-sc.Found > set.actorsMissing || len(sc.Unmerged) > set.unmerged || len(wrong) > set.nonPersons || !sc.MelaniaApart {
				t.Errorf("%s: below target: missing %v, unmerged %v, non-persons %q", h.name, sc.Missing, sc.Unmerged, wrong)
			}
		}
	})
}

// nonPersonsAmongPeople lists the people whose names hold a gold
// non-person (a place, an aircraft, an outlet).
func nonPersonsAmongPeople(h heldOut) []string {
	var wrong []string
	for _, a := range h.report.Actors.List {
		if a.Kind != timeline.Person {
			continue
		}
		for _, np := range h.nonPersons {
			if strings.Contains(strings.ToLower(" "+a.Name+" "), strings.ToLower(" "+np+" ")) {
				wrong = append(wrong, a.Name)
			}
		}
	}
	return wrong
}

func TestHeldOutSetsQuotes(t *testing.T) {
	eachHeldOut(t, func(t *testing.T, set heldOutSet, events []heldOut) {
		pairs, together, right, variants, rightVariants := 0, 0, 0, 0, 0
		for _, h := range events {
			sc := timeline.ScoreQuotes(h.gold, h.report.Clusters)
			t.Logf("%s: quote pair recall %.3f (%d/%d), speakers %d/%d, quotation speakers %d/%d\n%s", h.name, sc.PairRecall,
				sc.PairsTogether, sc.Pairs, sc.RightSpeaker, sc.Clusters, sc.RightVariants, sc.Variants, strings.Join(append(sc.Details, sc.WrongVariants...), "\n"))
			pairs, together, right = pairs+sc.Pairs, together+sc.PairsTogether, right+sc.RightSpeaker
			variants, rightVariants = variants+sc.Variants, rightVariants+sc.RightVariants
		}
		if float64(together) < set.pairRecall*float64(pairs) || right < set.speakers ||
			set.wrongVariantSpeaker >= 0 && variants-rightVariants > set.wrongVariantSpeaker {
			t.Errorf("below target: pairs together %d/%d, right speakers %d (want %d), wrong quotation speakers %d",
				together, pairs, right, set.speakers, variants-rightVariants)
		}
	})
}

func TestHeldOutSetsDisagreements(t *testing.T) {
	eachHeldOut(t, func(t *testing.T, set heldOutSet, events []heldOut) {
		found, total := 0, 0
		for _, h := range events {
			sc := timeline.ScoreDiscrepancies(h.gold, h.report.Discrepancies)
			t.Logf("%s: disagreements %d of %d\n%s", h.name, sc.Found, sc.Total, strings.Join(sc.Details, "\n"))
			found, total = found+sc.Found, total+sc.Total
		}
		if found < set.disagreements {
			t.Errorf("disagreements %d of %d, below target %d", found, total, set.disagreements)
		}
	})
}

// TestHeldOutSetsClaims logs every claim and discrepancy, for reading
// (go test -v -run HeldOutSetsClaims ./timeline/).
func TestHeldOutSetsClaims(t *testing.T) {
	eachHeldOut(t, func(t *testing.T, set heldOutSet, events []heldOut) {
		for _, h := range events {
			for _, c := range h.report.Claims {
				exp := ""
				if c.Expected {
					exp = " (expected)"
				}
				t.Logf("%s %-16s %-40q %-28q %s subj=%q%s", h.name, c.File, c.Quantity, c.Value, c.Describe(), c.Subject, exp)
			}
			for _, d := range h.report.Discrepancies {
				t.Logf("%s DISCREPANCY %q phase=%q subj=%q (%d claims)", h.name, d.Quantity, d.Phase, d.Subject, len(d.Claims))
			}
		}
	})
}
