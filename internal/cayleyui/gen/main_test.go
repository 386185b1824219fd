package main

import "testing"

func TestOffline(t *testing.T) {
	tests := []struct{ name, file, in, want string }{
		{"bootstrap import", "a.css", `@import url("//fonts.googleapis.com/css?family=Lato:400,700");body{}`, `body{}`},
		{"https import", "a.css", `@import url(https://fonts.googleapis.com/x);p{}`, `p{}`},
		{"font file", "a.css", `src: local('Open Sans'), url(http://fonts.gstatic.com/s/x.ttf) format('truetype');`, `src: local('Open Sans');`},
		{"local url kept", "a.css", `background: url(/static/x.png);`, `background: url(/static/x.png);`},
		{"not css", "a.js", `@import url("//x.example/y");`, `@import url("//x.example/y");`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(Offline(tc.file, []byte(tc.in))); got != tc.want {
				t.Errorf("Offline(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
