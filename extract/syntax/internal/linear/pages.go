package linear

import (
	"os"
	"runtime"
	"unsafe"
)

// hugePage is the size of the large pages Pages asks for.
const hugePage = 2 << 20

// smallPagesEnv set to 1 keeps the tables that Pages allocates in Go's heap
// (on small pages): for comparisons, or where mapping memory apart is
// unwelcome.
const smallPagesEnv = "EVENTGRAPH_SMALL_PAGES"

// Pages returns a zeroed slice of n values of T for a table read at random
// places while scoring, in memory the system may back with 2 MB pages
// (Linux's transparent huge pages, which a process must ask for): a table
// of megabytes on 4 KB pages misses the TLB on most reads, and on a virtual
// machine each miss walks two levels of page tables. From 1 MB on, the
// memory is mapped in whole large pages (so at most 1 MB is spare); below
// that, where the system offers no such pages, or with
// EVENTGRAPH_SMALL_PAGES=1 in the environment, it is an ordinary slice.
// T must hold no pointers. The memory is released once owner is
// unreachable, so the slice must not outlive it.
func Pages[T any, O any](owner *O, n int) []T {
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if size < hugePage/2 || os.Getenv(smallPagesEnv) == "1" {
		return make([]T, n)
	}
	mem, free := mapHuge(size)
	if mem == nil {
		return make([]T, n)
	}
	runtime.AddCleanup(owner, func(free func()) { free() }, free)
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(mem))), n)
}

// Arena gathers several small tables of one owner in memory from Pages,
// so that together they fill large pages.
type Arena struct{ free []byte }

// NewArena returns an arena of size bytes (see Bytes) released with owner.
func NewArena[O any](owner *O, size int) *Arena {
	return &Arena{free: Pages[byte](owner, size)}
}

// Bytes is the room s takes in an arena, alignment included.
func Bytes[T any](s []T) int {
	var zero T
	return len(s)*int(unsafe.Sizeof(zero)) + int(unsafe.Alignof(zero)) - 1
}

// Move returns a copy of s in a, or s when a has no room left for it. T
// must hold no pointers, and the copy must not outlive the arena's owner.
func Move[T any](a *Arena, s []T) []T {
	var zero T
	size := len(s) * int(unsafe.Sizeof(zero))
	align := uintptr(unsafe.Alignof(zero))
	if size == 0 || len(a.free) == 0 {
		return s
	}
	skip := int(-uintptr(unsafe.Pointer(unsafe.SliceData(a.free))) & (align - 1))
	if skip+size > len(a.free) {
		return s
	}
	c := unsafe.Slice((*T)(unsafe.Pointer(&a.free[skip])), len(s))
	copy(c, s)
	a.free = a.free[skip+size:]
	return c
}
