package cayleyui

import (
	"context"
	"reflect"
	"time"
	"unsafe"

	"github.com/cayleygraph/cayley/query/gizmo"
)

// bindGizmo ties a Gizmo session's shape computation to ctx and returns
// the function that interrupts its JavaScript VM.
//
// cayley v0.7.7's gizmo.Session.ShapeOf runs the script to its end: the VM
// is never interrupted, and iterations the script starts (ToArray,
// ForEach) run under the session's own background context. Execute
// bounds both, ShapeOf neither, and the session exposes neither its VM
// nor its context. So this reaches into the session's unexported fields
// vm (*goja.Runtime, whose Interrupt is safe to call from any goroutine)
// and ctx (replaced before the script starts). It reports false, and the
// caller refuses to run the script, when the fields are not there as
// expected: a cayley upgrade then disables shapes instead of leaving them
// unbounded (TestBindGizmo fails first).
func bindGizmo(ses any, ctx context.Context) (interrupt func(error), ok bool) {
	s, ok := ses.(*gizmo.Session)
	if !ok || s == nil {
		return nil, false
	}
	ctxField := reflect.ValueOf(s).Elem().FieldByName("ctx")
	if !ctxField.IsValid() || ctxField.Type() != reflect.TypeFor[context.Context]() {
		return nil, false
	}
	if interrupt, ok = gizmoInterrupt(s); !ok {
		return nil, false
	}
	reflect.NewAt(ctxField.Type(), unsafe.Pointer(ctxField.UnsafeAddr())).Elem().Set(reflect.ValueOf(ctx))
	return interrupt, true
}

// gizmoInterrupt returns the function that interrupts a Gizmo session's
// JavaScript VM (its unexported field vm, a *goja.Runtime whose Interrupt
// is safe to call from any goroutine), or false when ses is no Gizmo
// session or has no such field.
func gizmoInterrupt(ses any) (interrupt func(error), ok bool) {
	s, ok := ses.(*gizmo.Session)
	if !ok || s == nil {
		return nil, false
	}
	vmField := reflect.ValueOf(s).Elem().FieldByName("vm")
	if !vmField.IsValid() {
		return nil, false
	}
	vm, ok := reflect.NewAt(vmField.Type(), unsafe.Pointer(vmField.UnsafeAddr())).Elem().Interface().(interface{ Interrupt(any) })
	if !ok || reflect.ValueOf(vm).IsNil() {
		return nil, false
	}
	return func(err error) { vm.Interrupt(err) }, true
}

// interruptOnCancel interrupts the Gizmo session's VM as soon as ctx is
// cancelled, from the goroutine that cancels it, not once the request's
// goroutine has woken: a string doubling in a loop allocates the next
// doubling within milliseconds of the memory guard's cancel, and each
// goroutine that must be scheduled first lets one more through. The
// returned function stops waiting for the cancel.
func interruptOnCancel(ctx context.Context, ses any) (stop func()) {
	interrupt, ok := gizmoInterrupt(ses)
	if !ok {
		return func() {}
	}
	unregister := context.AfterFunc(ctx, func() { interrupt(context.Cause(ctx)) })
	return func() { unregister() }
}

// interruptEvery is how often a stopped Gizmo script is interrupted again
// until it has ended (interruptUntil).
const interruptEvery = time.Millisecond

// interruptUntil interrupts a stopped Gizmo script's VM with cause until
// ended is closed or wait has passed, and reports whether it ended.
//
// One interrupt is not enough: goja hands an interrupt that lands in a
// JavaScript callback called from Go (ForEach, Map) to Go as an error,
// and cayley throws that back into the script as an exception the script
// may catch: `while(true){try{g.V().ForEach(function(d){})}catch(e){}}`
// survives its interrupt and ran on, a goroutine spinning on a core for
// as long as the process lived (a handful of such requests, or a fuzzing
// worker that met a few, left the server without CPU). The script's
// context is cancelled by then, so the iterations that call back stop at
// once, and a later interrupt lands in the script itself, where it cannot
// be caught.
func interruptUntil(interrupt func(error), cause error, ended <-chan struct{}, wait time.Duration) bool {
	interrupt(cause)
	t := time.NewTicker(interruptEvery)
	defer t.Stop()
	deadline := time.NewTimer(wait)
	defer deadline.Stop()
	for {
		select {
		case <-ended:
			return true
		case <-deadline.C:
			return false
		case <-t.C:
			interrupt(cause)
		}
	}
}
