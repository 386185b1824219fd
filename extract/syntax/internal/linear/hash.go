package linear

// Features is the list of feature hashes describing one item.
type Features []uint64

// Add appends the hash h.
func (f *Features) Add(h uint64) { *f = append(*f, h) }

const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// Hash starts a feature hash for template number tmpl.
func Hash(tmpl uint64) uint64 { return Mix(offset64, tmpl) }

// Mix folds the value v into the hash h.
func Mix(h, v uint64) uint64 {
	h ^= v
	h *= prime64
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

// HashString folds the bytes of s (and its end) into h (FNV-1a).
func HashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	return Mix(h, uint64(len(s)))
}
