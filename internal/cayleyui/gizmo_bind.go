package cayleyui

import (
	"context"
	"reflect"
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
	v := reflect.ValueOf(s).Elem()
	vmField, ctxField := v.FieldByName("vm"), v.FieldByName("ctx")
	if !vmField.IsValid() || !ctxField.IsValid() ||
		ctxField.Type() != reflect.TypeFor[context.Context]() {
		return nil, false
	}
	vm, ok := reflect.NewAt(vmField.Type(), unsafe.Pointer(vmField.UnsafeAddr())).Elem().Interface().(interface{ Interrupt(any) })
	if !ok || reflect.ValueOf(vm).IsNil() {
		return nil, false
	}
	reflect.NewAt(ctxField.Type(), unsafe.Pointer(ctxField.UnsafeAddr())).Elem().Set(reflect.ValueOf(ctx))
	return func(err error) { vm.Interrupt(err) }, true
}
