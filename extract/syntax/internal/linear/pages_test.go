package linear

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// Pages gives zeroed, writable slices of the length asked for, mapped on
// large-page boundaries from 1 MB on (on Linux).
func TestPages(t *testing.T) {
	owner := new(int)
	for _, n := range []int{0, 1, 1000, hugePage/2/8 - 1, hugePage / 2 / 8, 3 * hugePage / 8} {
		s := Pages[uint64](owner, n)
		if len(s) != n {
			t.Fatalf("Pages(%d): %d values", n, len(s))
		}
		for i, v := range s {
			if v != 0 {
				t.Fatalf("Pages(%d)[%d] = %d, not zeroed", n, i, v)
			}
			s[i] = uint64(i)
		}
		if n*8 >= hugePage/2 && runtime.GOOS == "linux" && uintptr(unsafe.Pointer(&s[0]))%hugePage != 0 {
			t.Errorf("Pages(%d): not aligned to a large page", n)
		}
	}
	runtime.KeepAlive(owner)
}

// An arena holds copies of slices of several types, each aligned, until
// it is full; then Move returns the slice itself.
func TestArena(t *testing.T) {
	owner := new(int)
	bytes := []byte{1, 2, 3}
	words := make([]uint64, hugePage/2/8)
	for i := range words {
		words[i] = uint64(i) * 3
	}
	halves := []uint32{7, 8, 9}
	a := NewArena(owner, Bytes(bytes)+Bytes(words)+Bytes(halves))
	b2, w2, h2 := Move(a, bytes), Move(a, words), Move(a, halves)
	if fmt.Sprint(b2) != fmt.Sprint(bytes) || fmt.Sprint(w2) != fmt.Sprint(words) || fmt.Sprint(h2) != fmt.Sprint(halves) {
		t.Fatal("Move changed the values")
	}
	if &w2[0] == &words[0] || &h2[0] == &halves[0] {
		t.Error("Move returned the slice, not a copy in the arena")
	}
	if uintptr(unsafe.Pointer(&w2[0]))%8 != 0 || uintptr(unsafe.Pointer(&h2[0]))%4 != 0 {
		t.Error("Move: a copy is not aligned")
	}
	if more := []uint64{1}; &Move(a, more)[0] != &more[0] {
		t.Error("Move into a full arena made a copy")
	}
	runtime.KeepAlive(owner)
}

// Where the system offers transparent huge pages, a table from Pages sits
// on them once touched.
func TestPagesHuge(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skipf("SKIP: no transparent huge pages here (%q, %v)", mode, err)
	}
	owner := new(int)
	s := Pages[uint64](owner, 2*hugePage/8)
	for i := range s {
		s[i] = 1
	}
	if kb := anonHugeKB(t, uintptr(unsafe.Pointer(&s[0]))); kb == 0 {
		t.Skip("SKIP: the system gave no large page (memory fragmented?)")
	} else if kb < 2048 {
		t.Errorf("%d kB of the table on large pages", kb)
	}
	runtime.KeepAlive(owner)
}

// anonHugeKB is the AnonHugePages of the mapping holding addr.
func anonHugeKB(t *testing.T, addr uintptr) int {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("SKIP: %v", err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if first, _, _ := strings.Cut(line, " "); !strings.HasSuffix(first, ":") { // a mapping's first line
			var lo, hi uintptr
			if _, err := fmt.Sscanf(first, "%x-%x", &lo, &hi); err == nil {
				in = lo <= addr && addr < hi
			}
			continue
		}
		var kb int
		if _, err := fmt.Sscanf(line, "AnonHugePages: %d kB", &kb); in && err == nil {
			return kb
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return 0
}
