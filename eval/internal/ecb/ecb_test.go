package ecb

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `<Document doc_name="7_3ecbplus.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">http://example.com</token>
<token t_id="2" sentence="1" number="0">Police</token>
<token t_id="3" sentence="1" number="1">arrest</token>
<token t_id="4" sentence="1" number="2">John</token>
<token t_id="5" sentence="1" number="3">Smith</token>
<token t_id="6" sentence="1" number="4">'s</token>
<token t_id="7" sentence="1" number="5">son</token>
<token t_id="8" sentence="1" number="6">,</token>
<token t_id="9" sentence="1" number="7">` + "``" + `</token>
<token t_id="10" sentence="1" number="8">Bob</token>
<token t_id="11" sentence="1" number="9">''</token>
<token t_id="12" sentence="1" number="10">.</token>
<token t_id="13" sentence="2" number="0">He</token>
<token t_id="14" sentence="2" number="1">ran</token>
<token t_id="15" sentence="2" number="2">in</token>
<token t_id="16" sentence="2" number="3">New</token>
<token t_id="17" sentence="2" number="4">York</token>
<token t_id="18" sentence="2" number="5">.</token>
<Markables>
<HUMAN_PART_ORG m_id="1"><token_anchor t_id="2"/></HUMAN_PART_ORG>
<HUMAN_PART_PER m_id="2"><token_anchor t_id="4"/><token_anchor t_id="5"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="10"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="4"><token_anchor t_id="13"/></HUMAN_PART_PER>
<LOC_GEO m_id="5"><token_anchor t_id="16"/><token_anchor t_id="17"/></LOC_GEO>
<ACTION_OCCURRENCE m_id="6"><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="9" RELATED_TO="" TAG_DESCRIPTOR="t7_bob" instance_id="HUM123" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="10" note="HUM123"><source m_id="3"/><source m_id="4"/><target m_id="9"/></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="11"><source m_id="1"/><target m_id="2"/></INTRA_DOC_COREF>
</Relations>
</Document>`

func TestRead(t *testing.T) {
	d, err := Read(strings.NewReader(sample), "x.xml")
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "7_3ecbplus" || d.Topic != "7" || !d.Plus {
		t.Errorf("name %q topic %q plus %v", d.Name, d.Topic, d.Plus)
	}
	want := "http://example.com\n\nPolice arrest John Smith's son, \"Bob\".\n\nHe ran in New York."
	if d.Text != want {
		t.Errorf("text\n%q\nwant\n%q", d.Text, want)
	}
	for _, tk := range d.Tokens {
		got := d.Text[tk.Span.Start:tk.Span.End]
		if got != tk.Text && !(got == "\"" && (tk.Text == "``" || tk.Text == "''")) {
			t.Errorf("token %d: span text %q, token %q", tk.ID, got, tk.Text)
		}
	}
	byID := map[string]Mention{}
	for _, m := range d.Mentions {
		byID[m.ID] = m
	}
	if m := byID["2"]; m.Text != "John Smith" || m.Sentence != 1 || m.Class() != "HUMAN_PART" {
		t.Errorf("mention 2: %+v", m)
	}
	if m := byID["5"]; m.Text != "New York" || m.Class() != "LOC" {
		t.Errorf("mention 5: %+v", m)
	}
	if byID["3"].Instance != "HUM123" || byID["4"].Instance != "HUM123" || byID["3"].Descriptor != "t7_bob" {
		t.Errorf("cross-doc chain: %+v %+v", byID["3"], byID["4"])
	}
	if byID["1"].Instance == "" || byID["1"].Instance != byID["2"].Instance {
		t.Errorf("intra-doc chain: %q %q", byID["1"].Instance, byID["2"].Instance)
	}
	if c := byID["6"].Chain(); !strings.HasPrefix(c, "SINGLE:") {
		t.Errorf("singleton chain %q", c)
	}
	if _, ok := byID["9"]; ok {
		t.Error("instance markable read as a mention")
	}
	dd := d.Doc()
	if len(dd.Sentences) != 3 || dd.Sentences[0].Kind != "metadata" || dd.Sentences[1].Kind != "title" || len(dd.Sentences[2].Tokens) != 6 {
		t.Errorf("doc sentences: %+v", dd.Sentences)
	}
	if d.SentenceIndex(2) != 2 || d.SentenceIndex(9) != -1 {
		t.Error("SentenceIndex")
	}
}

func TestReadSelected(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sel.csv")
	if err := os.WriteFile(p, []byte("Topic,File,Sentence Number\n7,3ecbplus,1\n7,3ecbplus,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := ReadSelected(p)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Has("7_3ecbplus", 1) || !s.Has("7_3ecbplus", 2) || s.Has("7_3ecbplus", 0) {
		t.Errorf("selected: %v", s)
	}
}
