#!/usr/bin/env bash
# Builds the Swift fuzz target (Fuzz/swift: bytes through Converter.convert) with libFuzzer and
# AddressSanitizer, the C decoders instrumented for coverage too, into .build-fuzz/swift;
# prints the binary's path.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-fuzz/swift
flags=(-c release --package-path Fuzz/swift --scratch-path "$scratch"
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
swift build "${flags[@]}" --product FuzzConvert >&2
echo "$(swift build "${flags[@]}" --show-bin-path)/FuzzConvert"
