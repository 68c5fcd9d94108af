package export

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"github.com/newsreel/newsreel/timeline"
)

// TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).
type tlDoc struct {
	Title  tlSlide   `json:"title"`
	Events []tlSlide `json:"events"`
}

type tlSlide struct {
	StartDate   *tlDate `json:"start_date,omitempty"`
	EndDate     *tlDate `json:"end_date,omitempty"`
	DisplayDate string  `json:"display_date,omitempty"`
	Text        tlText  `json:"text"`
	Group       string  `json:"group,omitempty"`
	UniqueID    string  `json:"unique_id,omitempty"`
}

type tlText struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

// tlDate is a TimelineJS date; numbers are strings, as its examples use.
type tlDate struct {
	Year    string `json:"year"`
	Month   string `json:"month,omitempty"`
	Day     string `json:"day,omitempty"`
	Hour    string `json:"hour,omitempty"`
	Minute  string `json:"minute,omitempty"`
	Display string `json:"display_date,omitempty"`
}

func dateOf(t time.Time, withTime bool) *tlDate {
	d := &tlDate{Year: fmt.Sprint(t.Year()), Month: fmt.Sprint(int(t.Month())), Day: fmt.Sprint(t.Day())}
	if withTime {
		d.Hour, d.Minute = fmt.Sprint(t.Hour()), fmt.Sprint(t.Minute())
	}
	return d
}

// TimelineJS writes the timeline in the TimelineJS3 JSON format: an event
// per phase with start/end to the minute where sources give clock times
// (otherwise the event day with the phase's place in the order as the
// minute, so TimelineJS keeps the order), a display date, the evidence as
// text and the phase as its group. day is the event's day (zero when
// unknown: today's date is used only to place the slides).
func TimelineJS(path string, r *timeline.Report, title string, day time.Time) error {
	if day.IsZero() {
		for _, a := range r.Articles {
			if !a.EventDate.IsZero() {
				day = a.EventDate
				break
			}
		}
	}
	if day.IsZero() {
		day = time.Date(time.Now().Year(), time.Now().Month(), time.Now().Day(), 0, 0, 0, 0, time.UTC)
	}
	doc := tlDoc{Title: tlSlide{Text: tlText{Headline: html.EscapeString(title),
		Text: html.EscapeString(fmt.Sprintf("Rebuilt by Newsreel from %d articles by %d sources.", len(r.Articles), len(r.Sources)))}}}
	for i, p := range r.Timeline.Phases {
		s := tlSlide{Group: p.Label, UniqueID: p.ID}
		if p.Start != nil {
			s.StartDate = dateOf(p.Start.Time, true)
			s.EndDate = dateOf(p.End.Time, true)
			s.DisplayDate = p.Start.Time.Format("Mon 2 Jan 2006, 15:04 MST")
			if !p.End.Time.Equal(p.Start.Time) {
				s.DisplayDate += " – " + p.End.Time.Format("15:04 MST")
			}
		} else {
			at := time.Date(day.Year(), day.Month(), day.Day(), 0, i, 0, 0, day.Location())
			s.StartDate = dateOf(at, true)
			s.DisplayDate = fmt.Sprintf("%s · step %d of %d (no clock time given)", day.Format("Mon 2 Jan 2006"), i+1, len(r.Timeline.Phases))
		}
		var b strings.Builder
		fmt.Fprintf(&b, "<p>Reported by %d of %d sources.</p>", len(p.Sources), len(r.Sources))
		for k, e := range p.Evidence {
			if k == 8 {
				fmt.Fprintf(&b, "<p>… and %d more sentences.</p>", len(p.Evidence)-8)
				break
			}
			fmt.Fprintf(&b, "<p><b>%s</b>: %s</p>", html.EscapeString(e.Source), html.EscapeString(e.Text))
		}
		s.Text = tlText{Headline: html.EscapeString(p.Label), Text: b.String()}
		doc.Events = append(doc.Events, s)
	}
	return writeFile(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	})
}
