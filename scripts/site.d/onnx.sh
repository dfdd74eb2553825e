#!/usr/bin/env bash
# Site step: both shipped models as ONNX, for download (scripts/onnx/export.mjs):
#   $1/models/digits-cnn.onnx      input image [N,1,28,28], output probabilities [N,10]
#   $1/models/chapter-linear.onnx  input image [N,784],     output scores [N,10]
set -euo pipefail
root="$(dirname "$0")/../.."
for name in digits-cnn chapter-linear; do
  node "$root/scripts/onnx/export.mjs" "$1/models/$name.wlm" "$1/models/$name.onnx" >/dev/null
done
