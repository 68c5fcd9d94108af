// Package ui is Newsreel's desktop window, built with Fyne. It presents
// what the store holds and never blocks the UI goroutine: loading and
// importing run in goroutines and hand their results back through fyne.Do.
package ui
