//go:build !linux

package linear

// mapHuge asks for no large pages outside Linux.
func mapHuge(int) (mem []byte, free func()) { return nil, nil }
