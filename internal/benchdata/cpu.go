package benchdata

import (
	"syscall"
	"testing"
	"time"
)

// CPUTime is the CPU time (user and system) the process has used so far.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ReportCPU reports MB of text per second of CPU time since start (b.N
// passes over bytes each): on a machine shared with other work the
// wall-clock MB/s falls with the load, this figure does not.
func ReportCPU(b *testing.B, start time.Duration, bytes int64) {
	if d := CPUTime() - start; d > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/d.Seconds(), "MB/cpu-s")
	}
}
