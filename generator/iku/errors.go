package iku

import (
	"errors"
	"fmt"
)

// Kind classifies an error once, so that the CLI can print one clear
// sentence and choose an exit code (after Ben Johnson's wtf/error.go).
type Kind string

const (
	Invalid     Kind = "invalid"     // bad input or data: the user must change something
	Unavailable Kind = "unavailable" // a server or tool could not be reached or refused us
	NotFound    Kind = "not_found"   // a named thing does not exist
	Internal    Kind = "internal"    // a bug or an unexpected failure
)

// Error is an error with a Kind and a message meant for the user: one
// sentence naming the problem and the fix.
type Error struct {
	Kind    Kind
	Message string
	Err     error // the underlying cause, for logs; may be nil
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error with a user-facing message.
func Errorf(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// Wrap builds an *Error with a user-facing message and an underlying cause.
func Wrap(err error, kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...), Err: err}
}

// ErrorKind returns the Kind of the first *Error in err's chain, or
// Internal when there is none.
func ErrorKind(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return Internal
}

// ErrorMessage returns the user-facing message of the first *Error in
// err's chain, or err's own text when there is none.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}
