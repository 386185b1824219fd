package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// enumValue is a string flag that takes one of a fixed set of values
// (case-insensitive, stored in lower case): a value outside the set is a
// usage error when the flag is parsed, before the command runs.
type enumValue struct {
	value   *string
	allowed []string
}

func (e *enumValue) Set(s string) error {
	v := strings.ToLower(strings.TrimSpace(s))
	if !slices.Contains(e.allowed, v) {
		return fmt.Errorf("want %s", orList(e.allowed))
	}
	*e.value = v
	return nil
}

func (e *enumValue) String() string { return *e.value }

// Type is "string", so that FlagSet.GetString reads the flag.
func (e *enumValue) Type() string { return "string" }

// enumFlag defines a flag of fs that takes one of allowed, and completes
// its values in the shell (cobra's completion command).
func enumFlag(cmd *cobra.Command, fs *pflag.FlagSet, name, value, usage string, allowed []string) {
	v := value
	fs.Var(&enumValue{value: &v, allowed: allowed}, name, usage)
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(allowed, cobra.ShellCompDirectiveNoFileComp))
}

// orList writes "a, b or c".
func orList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// dateFlagRange reads the --from and --to flags (YYYY, YYYY-MM or
// YYYY-MM-DD): --from is the first day of its period, --to the last
// day of its own, and a --from after the --to is an error (no event could
// fall in between).
func dateFlagRange(from, to string) error {
	var lo, hi time.Time
	var err error
	if from != "" {
		if lo, _, err = period(from); err != nil {
			return fmt.Errorf("--from: %w", err)
		}
	}
	if to != "" {
		if _, hi, err = period(to); err != nil {
			return fmt.Errorf("--to: %w", err)
		}
	}
	if from != "" && to != "" && lo.After(hi) {
		return fmt.Errorf("--from %s is after --to %s: no event can fall in between", from, to)
	}
	return nil
}

// period is the first and last day of YYYY, YYYY-MM or YYYY-MM-DD.
func period(s string) (first, last time.Time, err error) {
	for _, l := range []struct {
		layout string
		last   func(time.Time) time.Time
	}{
		{time.DateOnly, func(t time.Time) time.Time { return t }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }},
	} {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.last(t), nil
		}
	}
	return first, last, fmt.Errorf("%q is not a date (want YYYY, YYYY-MM or YYYY-MM-DD)", s)
}
