package actor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/extract/doc"
)

// mentionOf returns the actor of the first mention whose text is text.
func mentionOf(d *doc.Document, text string) (doc.ActorMention, doc.Actor, bool) {
	for _, m := range d.ActorMentions {
		if m.Text == text {
			return m, d.Actors[m.Actor], true
		}
	}
	return doc.ActorMention{}, doc.Actor{}, false
}

func TestRecognize(t *testing.T) {
	tests := []struct {
		name, text string
		mention    string // mention text
		key        string // its actor's key
		how        string // its rule, when set
		role       string // a role title the actor holds, when set
		roleObj    string // the key of the role's object, when set
	}{
		// Composition of nationality, title and name.
		{"composition", "Israeli minister Gideon Sa'ar resigned on Monday.", "Israeli minister Gideon Sa'ar", "person:gideon sa'ar", HowTitle, "minister", "gov:ISR"},
		{"composition head", "French President Emmanuel Macron spoke to reporters.", "French President Emmanuel Macron", "person:emmanuel macron", HowTitle, "president", "gov:FRA"},
		{"composition org", "White House National Security Communications Advisor John Kirby told reporters that talks go on.", "White House National Security Communications Advisor John Kirby", "person:john kirby", HowTitle, "national security communications advisor", "office:white house"},
		{"title only", "President Joe Biden spoke.", "President Joe Biden", "person:joe biden", HowTitle, "president", ""},
		{"title of country", "The President of Brazil, Lula, arrived.", "Brazil", "country:BRA", "", "", ""},
		// Metonymy.
		{"capital subject", "Moscow said the talks had failed.", "Moscow", "gov:RUS", HowMetonymy, "", ""},
		{"capital possessive", "Paris's position hardened.", "Paris", "gov:FRA", HowMetonymy, "", ""},
		{"delegation to capital", "He cancelled a delegation to Washington last week.", "Washington", "gov:USA", HowMetonymy, "", ""},
		{"capital place", "The talks in Washington were cancelled.", "Washington", "place:washington", HowName, "", ""},
		{"seat", "The Kremlin rejected the offer.", "Kremlin", "office:kremlin", HowAlias, "", ""},
		// Demonyms.
		{"demonym officials", "American officials expressed concern.", "American officials", "gov:USA", HowDemonym, "", ""},
		{"acronym officials", "US officials doubt it.", "US officials", "gov:USA", HowDemonym, "", ""},
		{"demonym troops", "Israeli troops entered the town.", "Israeli troops", "mil:ISR", HowDemonym, "", ""},
		{"cataphora", "After telling People that she needed help, actress Tara Reid checked into rehab.", "she", "person:tara reid", HowPronoun, "", ""},
		{"gender from title", "Actress Tara Reid checked into rehab. When he arrived, the crowd cheered for Barack Obama.", "he", "person:barack obama", HowPronoun, "", ""},
		{"demonym rebels", "Syrian rebels engaged peacekeepers in a firefight.", "Syrian rebels", "reb:SYR", HowDemonym, "", ""},
		{"demonym police", "Iraqi police arrested five suspects.", "Iraqi police", "cop:IRQ", HowDemonym, "", ""},
		{"demonym people", "A Tunisian court has jailed a Nigerian student.", "Nigerian student", "desc:t:nigerian student", HowDemonym, "", ""},
		{"demonym court", "A Tunisian court has jailed a Nigerian student.", "Tunisian court", "jud:TUN", HowDemonym, "", ""},
		{"demonym peacekeepers", "Syrian rebels engaged Filipino peacekeepers in a firefight.", "Filipino peacekeepers", "mil:PHL", HowDemonym, "", ""},
		{"person of a place", "Senator Elizabeth Warren of Massachusetts accused him of arguing.", "Senator Elizabeth Warren", "person:elizabeth warren", HowTitle, "", ""},
		{"person after a work's title", "They printed a booklet titled The Wit and Wisdom of Michael Bloomberg. Bloomberg apologized.", "Bloomberg", "person:michael bloomberg", HowSurname, "", ""},
		{"place of a place", "Pirates roam the Gulf of Aden.", "Gulf of Aden", "place:gulf of aden", HowName, "", ""},
		{"middle initial", "Michael Bloomberg spoke on Monday. Later, Michael R. Bloomberg responded.", "Michael R. Bloomberg", "person:michael bloomberg", HowName, "", ""},
		{"nation is an organization", "She is a member of the Lummi Nation, the court said.", "Lummi Nation", "org:lummi nation", HowName, "", ""},
		{"team with a number", "The Philadelphia 76ers fired coach Maurice Cheeks on Saturday.", "Philadelphia 76ers", "org:philadelphia 76ers", HowName, "", ""},
		{"middle initial makes a person", "Democrats felt rage toward George W. Bush in 2006.", "George W. Bush", "person:george bush", HowName, "", ""},
		{"first name of a person named in full", "Pete Buttigieg spoke in Iowa on Monday. Later, Pete said he would win.", "Pete", "person:pete buttigieg", HowAlias, "", ""},
		{"demonym media", "Iranian media said five people were hurt.", "Iranian media", "media:IRN", HowDemonym, "", ""},
		{"demonym state media", "Chinese state media reported the talks had failed.", "Chinese state media", "media:CHN", HowDemonym, "", ""},
		// Surnames and descriptions within an article.
		{"surname", "Prime Minister Benjamin Netanyahu spoke. Hours later, Netanyahu left.", "Netanyahu", "person:benjamin netanyahu", HowSurname, "prime minister", ""},
		{"surname only", "Smith said no, and reporters asked Smith again.", "Smith", "person:smith", "", "", ""},
		{"one word joined to a person", "Prince Harry and Meghan spoke to Oprah Winfrey.", "Meghan", "person:meghan", HowName, "", ""},
		{"name after a title's place", "Acting U.S. Attorney for Massachusetts Joshua Levy said the inquiry goes on.", "Joshua Levy", "person:joshua levy", HowName, "", ""},
		{"acting inside a sentence", "The johns were not charged, but Acting U.S. Attorney Joshua Levy said the case is open.", "U.S. Attorney Joshua Levy", "person:joshua levy", HowTitle, "", ""},
		{"name after a title's district", "Acting U.S. Attorney for the District of Massachusetts Joshua Levy said the case is open.", "Joshua Levy", "person:joshua levy", HowName, "", ""},
		{"surname of the most mentioned", "Rep. Mark Meadows will retire, Rep. Mark Meadows said on Monday. The domain was registered by a Scott Meadows. Meadows has not ruled out resigning.", "Meadows", "person:mark meadows", HowSurname, "", ""},
		{"definite title", "Israeli Prime Minister Benjamin Netanyahu spoke. The prime minister then left.", "prime minister", "person:benjamin netanyahu", HowDefinite, "", ""},
		{"definite leader", "Israeli Prime Minister Benjamin Netanyahu spoke. The Israeli leader then left.", "Israeli leader", "person:benjamin netanyahu", HowDefinite, "", ""},
		{"role mention", "They held talks with Israel's defense minister on Sunday.", "Israel's defense minister", "desc:t:isr defense minister", HowDefinite, "defense minister", "gov:ISR"},
		// Possessives and compounds.
		{"possessive office", "Benjamin Netanyahu won. Netanyahu's office denied it.", "Netanyahu's office", "office:person:benjamin netanyahu", HowPossessive, "", ""},
		{"compound countries", "The US-Israel ties are strained.", "Israel", "country:ISR", HowCompound, "", ""},
		{"compound nickname", "Joe Biden spoke. The Bibi-Biden spat grew.", "Bibi", "person:benjamin netanyahu", HowCompound, "", ""},
		// Administration rule.
		{"administration", "President Joe Biden spoke. The US objected, and US officials agreed. The Biden administration warned Israel.", "Biden administration", "gov:USA", HowAdministration, "", ""},
		// IGOs and groups.
		{"igo", "The UN Security Council passed a resolution.", "UN Security Council", "igo:united nations security council", HowAlias, "", ""},
		{"armed group", "Talks between Israel and Hamas stalled.", "Hamas", "group:hamas", HowAlias, "", ""},
		// Pronouns.
		{"pronoun", "John Kirby arrived late. He said nothing.", "He", "person:john kirby", HowPronoun, "", ""},
		{"relative", "The judge thanked Mary Smith, who testified.", "who", "person:mary smith", HowRelative, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := buildDoc("t", tc.text)
			Recognize(d)
			m, a, ok := mentionOf(d, tc.mention)
			if !ok {
				t.Fatalf("no mention %q in\n%s", tc.mention, dump(d))
			}
			if a.Key != tc.key {
				t.Errorf("mention %q: key %q, want %q\n%s", tc.mention, a.Key, tc.key, dump(d))
			}
			if tc.how != "" && m.How != tc.how {
				t.Errorf("mention %q: how %q, want %q", tc.mention, m.How, tc.how)
			}
			if tc.role != "" && !hasRole(d, tc.key, tc.role, tc.roleObj) {
				t.Errorf("%s: no role %q of %q\n%s", tc.key, tc.role, tc.roleObj, dump(d))
			}
		})
	}
}

func TestCodes(t *testing.T) {
	d := buildDoc("t", "Israeli Prime Minister Benjamin Netanyahu met UN officials and NATO envoys while Hamas fired rockets, Israeli media said. Ukrainian lawmakers agreed to free a Nigerian student.")
	Recognize(d)
	want := map[string]string{"person:benjamin netanyahu": "ISRGOV", "gov:ISR": "ISRGOV", "country:ISR": "ISR",
		"igo:united nations": "IGOUNO", "igo:nato": "IGOWSTNAT", "group:hamas": "PSEREB", "media:ISR": "ISRMED", "leg:UKR": "UKRLEG", "desc:t:nigerian student": "NGA"}
	for k, code := range want {
		i := findActor(d, k)
		if i < 0 {
			t.Errorf("no actor %s\n%s", k, dump(d))
			continue
		}
		if d.Actors[i].Code != code {
			t.Errorf("%s: code %q, want %q", k, d.Actors[i].Code, code)
		}
	}
}

func TestCaptionAndCaps(t *testing.T) {
	// Lowercase caption lines and all-caps headlines must not crash and must
	// not invent people.
	for _, txt := range []string{
		"benjamin netanyahu\n\nThe meeting ended.",
		"ISRAEL WARNS HAMAS AS TALKS STALL\n\nIsrael warned Hamas on Sunday.",
		"",
		"’s",
		"U.S.-",
	} {
		d := buildDoc("t", txt)
		Recognize(d)
		for _, a := range d.Actors {
			if a.Kind == doc.KindPerson && strings.Contains(a.Key, "warns") {
				t.Errorf("%q: headline words made a person: %s", txt, a.Key)
			}
		}
	}
}

func TestSameEntity(t *testing.T) {
	p := func(key, name string) doc.Actor { return doc.Actor{Key: key, Name: name, Kind: doc.KindPerson} }
	o := func(key, name string, aliases ...string) doc.Actor {
		return doc.Actor{Key: key, Name: name, Kind: doc.KindOrganization, Aliases: aliases}
	}
	tests := []struct {
		a, b doc.Actor
		want bool
	}{
		{p("person:benjamin netanyahu", "Benjamin Netanyahu"), p("person:netanyahu", "Netanyahu"), true},
		{p("person:joe biden", "Joe Biden"), p("person:j. biden", "J. Biden"), true},
		{p("person:joe biden", "Joe Biden"), p("person:hunter biden", "Hunter Biden"), false},
		{p("person:benjamin netanyahu", "Benjamin Netanyahu"), p("person:benjamin netanyahu", "Benjamin Netanyahu"), true},
		{o("org:associated press", "Associated Press"), o("org:ap", "AP"), true},
		{o("org:microsoft", "Microsoft", "Microsoft Corp"), o("org:microsoft corp", "Microsoft Corp"), true},
		{o("org:microsoft", "Microsoft"), o("org:apple", "Apple"), false},
		{doc.Actor{Key: "desc:a:man", Kind: doc.KindPerson}, doc.Actor{Key: "desc:a:man", Kind: doc.KindPerson}, false},
		{doc.Actor{Key: "country:ISR", Kind: doc.KindCountry}, doc.Actor{Key: "country:ISR", Kind: doc.KindCountry}, true},
		{doc.Actor{Key: "country:ISR", Kind: doc.KindCountry}, doc.Actor{Key: "gov:ISR", Kind: doc.KindGovernment}, false},
	}
	for _, tc := range tests {
		if got := SameEntity(tc.a, tc.b); got != tc.want {
			t.Errorf("SameEntity(%s, %s) = %v, want %v", tc.a.Key, tc.b.Key, got, tc.want)
		}
	}
}

// benchText is a few MB of news text: the ECB+ corpus when it is there
// (tokens re-joined), else the seeds repeated.
func benchText(b *testing.B) string {
	var sb strings.Builder
	paths, _ := filepath.Glob("../../../shared/data/ecbplus/ECB+/*/*.xml")
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		s := string(raw)
		for {
			i := strings.Index(s, "<token ")
			if i < 0 {
				break
			}
			s = s[i:]
			j := strings.IndexByte(s, '>')
			k := strings.Index(s, "</token>")
			if j < 0 || k < j {
				break
			}
			sb.WriteString(s[j+1 : k])
			sb.WriteByte(' ')
			s = s[k:]
		}
		sb.WriteString("\n\n")
		if sb.Len() > 4<<20 {
			break
		}
	}
	if sb.Len() == 0 {
		seeds, _ := filepath.Glob("../../seeds/*.txt")
		for sb.Len() < 2<<20 && len(seeds) > 0 {
			for _, p := range seeds {
				raw, _ := os.ReadFile(p)
				sb.Write(raw)
				sb.WriteString("\n\n")
			}
		}
	}
	return sb.String()
}

func BenchmarkRecognize(b *testing.B) {
	txt := benchText(b)
	// Split into article-sized documents of about 4 KB.
	var docs []*doc.Document
	for start := 0; start < len(txt); {
		end := min(start+4096, len(txt))
		for end < len(txt) && txt[end] != '\n' && txt[end] != '.' {
			end++
		}
		if end < len(txt) {
			end++
		}
		docs = append(docs, buildDoc("bench", txt[start:end]))
		start = end
	}
	load()
	b.SetBytes(int64(len(txt)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			d.Actors, d.ActorMentions = nil, nil
			Recognize(d)
		}
	}
}

// BenchmarkLoad builds the gazetteer and its word index from the embedded
// data, as the first Recognize does.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := build(); err != nil {
			b.Fatal(err)
		}
	}
}
