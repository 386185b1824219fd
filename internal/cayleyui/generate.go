package cayleyui

//go:generate go run ./gen -out assets
