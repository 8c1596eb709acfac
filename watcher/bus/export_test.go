package bus

// RunAsync is runAsync for the external tests (package bus_test).
var RunAsync = runAsync
