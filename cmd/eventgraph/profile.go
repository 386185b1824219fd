package main

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"runtime"
	rpprof "runtime/pprof"

	"github.com/spf13/cobra"
)

// startProfiles starts the CPU profile of --cpuprofile and returns the
// function that stops it and writes the heap profile of --memprofile: the
// way to see where a long ingest spends its time and memory.
func startProfiles(cmd *cobra.Command) (stop func() error, err error) {
	cpuFile, _ := cmd.Flags().GetString("cpuprofile")
	memFile, _ := cmd.Flags().GetString("memprofile")
	if addr, _ := cmd.Flags().GetString("pprof"); addr != "" {
		if err := servePprof(addr); err != nil {
			return nil, err
		}
	}
	var cpu *os.File
	if cpuFile != "" {
		if cpu, err = os.Create(cpuFile); err != nil {
			return nil, fmt.Errorf("cpu profile: %w", err)
		}
		if err := rpprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, fmt.Errorf("cpu profile: %w", err)
		}
	}
	return func() error {
		if cpu != nil {
			rpprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				return fmt.Errorf("cpu profile: %w", err)
			}
		}
		if memFile == "" {
			return nil
		}
		f, err := os.Create(memFile)
		if err != nil {
			return fmt.Errorf("memory profile: %w", err)
		}
		runtime.GC()
		if err := rpprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			f.Close()
			return fmt.Errorf("memory profile: %w", err)
		}
		return f.Close()
	}, nil
}

// servePprof serves net/http/pprof on addr (loopback only) for the life of
// the command: heap profiles of a long ingest while it runs.
func servePprof(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--pprof %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("--pprof %q: only a loopback address is allowed", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("--pprof: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	go func() {
		if err := http.Serve(ln, mux); err != nil {
			slog.Debug("pprof server stopped", "err", err)
		}
	}()
	return nil
}
