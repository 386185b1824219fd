package event

import "testing"

func TestThirdPerson(t *testing.T) {
	tests := []struct{ lemma, want string }{
		{"be", "is"}, {"have", "has"}, {"do", "does"}, {"go", "goes"},
		{"veto", "vetoes"}, {"echo", "echoes"}, {"woo", "woos"},
		{"cry", "cries"}, {"say", "says"}, {"press", "presses"},
		{"push", "pushes"}, {"reach", "reaches"}, {"fix", "fixes"},
		{"cancel", "cancels"}, {"abstain", "abstains"},
	}
	for _, tt := range tests {
		if got := thirdPerson(tt.lemma); got != tt.want {
			t.Errorf("thirdPerson(%q) = %q, want %q", tt.lemma, got, tt.want)
		}
	}
}
