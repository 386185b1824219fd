package event

import "testing"

// TestGovernor checks doc.EventMention.Governor: the event a mention is
// the object or complement of in its sentence, past framing heads.
func TestGovernor(t *testing.T) {
	tests := []struct {
		text, event, governor string // governor "" when none
	}{
		{"Netanyahu's cancellation of the delegation's visit angered officials.", "visit", "cancellation"},
		{"Netanyahu Cancels Washington Trip.", "Trip", "Cancels"},
		{"Israel abstained from the vote on the resolution.", "vote", "abstained"},
		{"Netanyahu's decision to cancel the visit angered officials.", "visit", "decision to cancel"},
		{"Netanyahu cancelled the visit.", "visit", "cancelled"},
		{"Netanyahu cancelled the visit.", "cancelled", ""},
		{"The delegation arrived in Washington.", "arrived", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := parsedDoc(t, tt.text)
			Extract(d)
			e, ok := find(d, tt.event)
			if !ok {
				t.Fatalf("no event %q in %v", tt.event, triggers(d))
			}
			got := ""
			if e.Governor > 0 {
				got = d.Events[e.Governor-1].TriggerText
			}
			if got != tt.governor {
				t.Errorf("governor of %q = %q, want %q", tt.event, got, tt.governor)
			}
		})
	}
}
