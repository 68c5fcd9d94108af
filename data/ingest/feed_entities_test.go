package ingest

import (
	"strings"
	"testing"
)

func TestFeedTextDecodesDoubleEscapedEntities(t *testing.T) {
	item := func(desc string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Daily</title><item><title>Talks</title>` +
			`<description>` + desc + `</description></item></channel></rss>`
	}
	for _, tc := range []struct {
		name, desc, want string
	}{
		{"escaped once", `&lt;p&gt;&amp;#8220;We agreed,&amp;#8221; she said.&lt;/p&gt;`, "“We agreed,” she said."},
		{"escaped twice", `&lt;p&gt;&amp;amp;#8220;We agreed,&amp;amp;#8221; she said.&lt;/p&gt;`, "“We agreed,” she said."},
		{"named, escaped twice", `&lt;p&gt;&amp;amp;lsquo;Quiet&amp;amp;rsquo; talks&lt;/p&gt;`, "‘Quiet’ talks"},
		{"hex, without tags", `He called it &amp;#x201C;historic&amp;#x201D;.`, "He called it “historic”."},
		{"an ampersand that is no reference stays", `&lt;p&gt;AT&amp;amp;T and R&amp;amp;D &amp;amp; more&lt;/p&gt;`, "AT&T and R&D & more"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := ParseFeed("f.rss", []byte(item(tc.desc)))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(arts[0].Body, tc.want) {
				t.Errorf("body %q, want it to end %q", arts[0].Body, tc.want)
			}
		})
	}
}
