package timeline

import "time"

// Article is one news text as the engine sees it: the body after any front
// matter, with the metadata the importer found.
type Article struct {
	Source    string            // outlet or label the user sees
	File      string            // base name of the file it came from
	Title     string            // headline, when known
	URL       string            // canonical address, when known
	Dateline  string            // place line ("Anchorage, Alaska"), when known
	Published time.Time         // publication time; zero when unknown
	EventDate time.Time         // midnight of the event's day in its time zone; zero when unknown
	Body      string            // the text, as imported
	Meta      map[string]string // any other metadata keys, kept verbatim
	CopyOf    ArticleRef        // the original, when this is a near-identical (wire) copy
}

// Sentence is one sentence of an article, with byte offsets into Article.Body.
type Sentence struct {
	Index     int    // position among the article's sentences, from 0
	Paragraph int    // paragraph number, from 0
	Start     int    // byte offset of the first byte in Body
	End       int    // byte offset just past the last byte in Body
	Text      string // the sentence text (Body[Start:End])
	Heading   bool   // a section heading rather than running text
	ListItem  bool   // an item of a bulleted or numbered list
}

// Words counts the words of s (runs of letters or digits).
func (s Sentence) Words() int { return CountWords(s.Text) }
