package article

import "testing"

func TestHeadline(t *testing.T) {
	tests := []struct {
		title, site, host, want string
	}{
		{"15-year-old driver killed in SW Miami-Dade crash - WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale",
			"WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale", "wsvn.com", "15-year-old driver killed in SW Miami-Dade crash"},
		{"Police investigate stabbing in Roxbury | WHDH 7News", "", "whdh.com", "Police investigate stabbing in Roxbury"},
		{"Minister resigns over budget vote – The Denver Post", "The Denver Post", "", "Minister resigns over budget vote"},
		{"BBC News - Minister resigns over budget vote", "BBC", "www.bbc.co.uk", "Minister resigns over budget vote"},
		// A dash inside the headline stays; so does a part that is not the site.
		{"Biden - Trump debate: what to watch - CNN", "CNN", "edition.cnn.com", "Biden - Trump debate: what to watch"},
		{"Farmers protests continue: Top developments | India News", "The Times of India", "timesofindia.indiatimes.com", "Farmers protests continue: Top developments | India News"},
		// Too little would be left.
		{"Penny - Stardew Valley Wiki", "Stardew Valley Wiki", "", "Penny - Stardew Valley Wiki"},
		{"Minister resigns over budget vote", "", "", "Minister resigns over budget vote"},
	}
	for _, tt := range tests {
		if got := headline(tt.title, tt.site, tt.host); got != tt.want {
			t.Errorf("headline(%q, %q, %q) = %q, want %q", tt.title, tt.site, tt.host, got, tt.want)
		}
	}
}
