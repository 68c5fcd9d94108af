package timeline

import "testing"

func TestSameNameOrder(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Abe Shinzo", "Shinzo Abe", true},
		{"Xi Jinping", "Jinping Xi", true},
		{"Shinzo Abe", "Abe", true},
		{"Donald Trump", "Melania Trump", false},
		{"Trump Donald", "Melania Trump", false},
		{"Kim Jong Un", "Un Jong Kim", false},
		{"Kim Jong Un", "Kim Yo Jong", false},
	} {
		if got := sameName(tc.a, tc.b); got != tc.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
