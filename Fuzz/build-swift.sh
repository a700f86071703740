#!/usr/bin/env bash
# Builds the Swift fuzz target (Fuzz/swift: bytes through Converter.convert) with libFuzzer and
# AddressSanitizer, the C decoders instrumented for coverage too, into .build-fuzz/swift, and
# its seeds into .build-fuzz/seeds-swift (every seed of the C targets and every animation
# fixture under 20 KB, behind two option bytes: 40 columns with all frames, and 16 columns
# lenient with the alpha background); prints the binary's path.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-fuzz/swift
flags=(-c release --package-path Fuzz/swift --scratch-path "$scratch"
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address)
swift build "${flags[@]}" --product FuzzConvert >&2
seeds=.build-fuzz/seeds-swift
mkdir -p "$seeds"
for file in Fuzz/corpus/*/* Tests/ImageDecodingTests/Fixtures/animation/*.{gif,webp,png}; do
  [ "$(stat -c %s "$file")" -lt 20000 ] || continue
  name=$(basename "$(dirname "$file")")-$(basename "$file")
  { printf '\x28\x08'; cat "$file"; } > "$seeds/all-$name"
  { printf '\x10\x11'; cat "$file"; } > "$seeds/lenient-$name"
done
echo "$(swift build "${flags[@]}" --show-bin-path)/FuzzConvert"
