#!/usr/bin/env bash
# Site step: the MNIST data files the page fetches (build outputs, not committed):
#   $1/data/mnist-train-1000.wld  (the book's first 1,000 training digits)
#   $1/data/mnist-test.wld        (the 10,000 test digits)
set -euo pipefail
mkdir -p "$1/data"
build/native/make_site_data "$1/data"
