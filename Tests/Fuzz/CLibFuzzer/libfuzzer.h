// libFuzzer's driver, from compiler-rt (linked by -sanitize=fuzzer): for a fuzz target that has a main
// of its own, as every SwiftPM executable does.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
