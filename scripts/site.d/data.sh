#!/usr/bin/env bash
# Site step: the MNIST data files the page fetches (build outputs, not committed),
# stored gzip-compressed so that a host that compresses nothing sends them small
# too (the page inflates them with DecompressionStream, web/js/common/fetch.js):
#   $1/data/mnist-train-1000.wld.gz  (the book's first 1,000 training digits)
#   $1/data/mnist-test-2000.wld.gz   (2,000 of the 10,000 test digits: every fifth)
set -euo pipefail
mkdir -p "$1/data"
build/native/make_site_data "$1/data"
for f in "$1"/data/*.wld; do gzip -9 -n -f "$f"; done
