package wordnet

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{
		"prosecutor": "prosecutors", "boss": "bosses", "coach": "coaches", "box": "boxes",
		"deputy": "deputies", "attorney": "attorneys", "": "",
	} {
		if got := Plural(in); got != want {
			t.Errorf("Plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEachLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index.noun")
	os.WriteFile(path, []byte("  1 This software and database\n  2 is provided\nacademy n 4 4 @ ~ %m + 4 2 08279298 08280124\n"), 0o644)
	var got [][]string
	if err := EachLine(path, func(f []string) { got = append(got, f) }); err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"academy", "n", "4", "4", "@", "~", "%m", "+", "4", "2", "08279298", "08280124"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if err := EachLine(filepath.Join(t.TempDir(), "missing"), func([]string) {}); err == nil {
		t.Error("a missing file gives no error")
	}
}
