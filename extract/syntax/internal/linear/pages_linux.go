package linear

import (
	"log/slog"
	"syscall"
	"unsafe"
)

// mapHuge maps size bytes (at least hugePage) of zeroed memory aligned to
// hugePage and asks for large pages before it is touched. It returns nil
// when the mapping fails, and else a function that unmaps it.
func mapHuge(size int) (mem []byte, free func()) {
	size = (size + hugePage - 1) &^ (hugePage - 1)
	// A page more than needed, for the alignment: the part outside the
	// aligned range is never touched, so it takes no memory.
	raw, err := syscall.Mmap(-1, 0, size+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		slog.Debug("linear: mmap", "bytes", size, "err", err)
		return nil, nil
	}
	off := 0
	if r := int(uintptr(unsafe.Pointer(&raw[0])) % hugePage); r != 0 {
		off = hugePage - r
	}
	mem = raw[off : off+size : off+size]
	if err := syscall.Madvise(mem, syscall.MADV_HUGEPAGE); err != nil {
		// Still usable, on small pages.
		slog.Debug("linear: madvise", "err", err)
	}
	return mem, func() {
		if err := syscall.Munmap(raw); err != nil {
			slog.Debug("linear: munmap", "err", err)
		}
	}
}
