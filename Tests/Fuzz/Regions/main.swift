import AnlanFuzzSupport

// libFuzzer hands over a non-null pointer, also for an empty input.
LibFuzzer.main { data, size in fuzzRegions(data!, size) }
