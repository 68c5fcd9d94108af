package timeline

import (
	"strings"
	"unicode"
)

// Rules for honorifics, patronymics, German spellings, multi-word name
// particles, and words that stand where names stand without being people
// (time zones, datelines, qualifiers, the tails of organisations' names).

// timeZones are abbreviations of time zones: no actor.
var timeZones = setOf("akdt", "akst", "hst", "hdt", "pdt", "pst", "mdt", "mst", "cdt", "cst", "edt", "est", "et", "pt", "ct", "mt",
	"gmt", "utc", "bst", "ist", "cet", "cest", "eet", "eest", "wet", "west", "msk", "jst", "kst", "hkt", "sgt", "awst", "acst",
	"aest", "aedt", "nzst", "nzdt", "wib", "pht", "ict", "gst", "irst", "pkt", "trt")

// monthWords open a dateline's date ("BUSAN, Oct. 30").
var monthWords = setOf("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// joinParticles stand between the given name and the family name ("Ursula
// von der Leyen", "Jean de la Fontaine", "Mohammed bin Salman",
// "Abdel Fattah al-Sisi"); "al" and "el" may be joined by a hyphen.
var joinParticles = setOf("de", "van", "von", "der", "den", "la", "le", "del", "della", "da", "di", "du", "dos", "das", "ter", "ten", "bin", "ibn", "bint", "al", "el", "abu", "zu")

// particlesAt returns the index after the particles that start at j
// (after the token j-1) and join it to a capitalised word, or j when none
// do: at most three particles, joined by spaces (or a hyphen after "al").
func particlesAt(text string, toks []token, j int) int {
	k := j
	for k < len(toks) && k-j < 3 && !toks[k].upper && toks[k].lex&lexJoinParticle != 0 { // joinParticles
		if k == 0 {
			return j // no word before to join
		}
		if gap := text[toks[k-1].end:toks[k].start]; gap != " " {
			return j
		}
		k++
	}
	if k == j || k >= len(toks) || !toks[k].upper {
		return j
	}
	gap := text[toks[k-1].end:toks[k].start]
	if gap != " " && !(gap == "-" && (toks[k-1].text == "al" || toks[k-1].text == "el")) {
		return j
	}
	return k
}

// isPatronymic reports whether a folded word is a Russian patronymic
// ("Vladimirovich", "Sergeyevna", German "Wladimirowitsch").
func isPatronymic(w string) bool {
	if len(w) < 8 {
		return false
	}
	for _, s := range []string{"ovich", "evich", "ovna", "evna", "owitsch", "ewitsch", "owna", "ewna"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// germanZ is the key a German spelling of a Slavic surname with an
// initial S for Z has in English ("Selenskyj": "zelensky"), or "": the
// word ends in the German -yj/-ij and starts with an S and a vowel.
func germanZ(w string) string {
	if len(w) < 6 || w[0] != 's' || !strings.ContainsRune("aeiouy", rune(w[1])) || !strings.HasSuffix(w, "yj") && !strings.HasSuffix(w, "ij") {
		return ""
	}
	return translit("z" + w[1:])
}

// orgNameTail reports whether the run starting at from ends the name of
// an organisation ("the Institute for Strategic Assessments", "the
// Centre for East European Security").
func orgNameTail(toks []token, from int) bool {
	return from >= 2 && (toks[from-1].text == "for" || toks[from-1].text == "on") && toks[from-2].upper && orgWords[toks[from-2].text]
}

// qualifierRun reports whether the run ending before to qualifies the
// role noun after it ("chief Asia economist", "senior Europe analyst"):
// a place or a subject, not a name.
func qualifierRun(text string, toks []token, to int) bool {
	if to >= len(toks) || toks[to].upper || text[toks[to-1].end:toks[to].start] != " " {
		return false
	}
	w := toks[to].text
	return toks[to].lex2&lex2RoleNoun != 0 && w != "man" && w != "woman" && w != "son" && w != "daughter" || w == "economist" || w == "correspondent" || w == "editor"
}

// datelineAt reports whether the one-word all-capital run at from opens
// a dateline ("BUSAN, Oct. 30 (Yonhap) --", "MOSCOW (Reuters) -").
func datelineAt(text string, toks []token, from int, surface string) bool {
	if from != 0 || from+1 >= len(toks) || len(surface) < 3 {
		return false
	}
	for _, r := range surface {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	gap := text[toks[from].end:toks[from+1].start]
	return strings.HasPrefix(gap, ",") && monthWords[toks[from+1].text] || strings.HasPrefix(gap, " (")
}

// titleCase writes an all-capital word as a name ("BUSAN": "Busan").
func titleCase(s string) string {
	r := []rune(strings.ToLower(s))
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// surnameKey is the key of the surname w: its transliteration, or the
// English spelling's when only that is known ("Selenskyj": Zelensky).
func (idx *actorIndex) surnameKey(w string) string {
	return idx.surnameKeyOf(w, translit(w))
}

// surnameKeyOf is surnameKey(w) when k is translit(w).
func (idx *actorIndex) surnameKeyOf(w, k string) string {
	if idx.groups[k] == nil {
		if z := germanZ(w); z != "" && idx.groups[z] != nil {
			return z
		}
		if v := idx.variantAlias(k); v != "" {
			return v // "Gorbachov": Gorbachev, if the corpus names him so
		}
	}
	return k
}

// mergeSpellings gives the people named by a German spelling of a surname
// ("Wolodymyr Selenskyj") to those of its English spelling, and those named
// by a first name and a patronymic ("Vladimir Vladimirovich", never alone)
// to the one other person with that first name.
func (idx *actorIndex) mergeSpellings(spell map[*person]*spelling) {
	into := func(p *person, group []*person) bool {
		for _, q := range group {
			for f := range q.first {
				for g := range p.first {
					if sameFirst(f, g) {
						mergeInto(q, p, spell)
						return true
					}
				}
			}
		}
		if len(p.first) == 0 {
			mergeInto(dominant(group), p, spell)
			return true
		}
		return false // a namesake: kept apart
	}
	for sur, z := range idx.germanAlias {
		if group, target := idx.groups[sur], idx.groups[z]; group != nil && target != nil {
			var kept []*person
			for _, p := range group {
				if !into(p, target) {
					kept = append(kept, p)
				}
			}
			if kept == nil {
				delete(idx.groups, sur)
			} else {
				idx.groups[sur] = kept
			}
		}
	}
	var patronymic []string
	byFirst := map[string][]*person{}
	for sur, group := range idx.groups {
		if isPatronymic(sur) {
			patronymic = append(patronymic, sur)
			continue
		}
		for _, p := range group {
			for f := range p.first {
				byFirst[f] = append(byFirst[f], p)
			}
		}
	}
	for _, sur := range patronymic {
		if idx.alone.value(sur) > 0 {
			continue // "Abramovich said": a surname
		}
		var kept []*person
		for _, p := range idx.groups[sur] {
			f := topKeys(p.first, 1)
			if len(f) == 1 && len(byFirst[f[0]]) == 1 {
				q := byFirst[f[0]][0]
				mergeInto(q, p, map[*person]*spelling{}) // counts, not spellings: "Putin" stays the surname
				idx.patronyms[f[0]+" "+sur] = q
				continue
			}
			kept = append(kept, p)
		}
		if kept == nil {
			delete(idx.groups, sur)
		} else {
			idx.groups[sur] = kept
		}
	}
}
