// The one weight-name rule. Weights are stored a row per output (flat index
// w = o * nIn + i); beside one output a weight is named by its input ("toes"),
// beside several by input and output ("toes → win").

// Letters the book gives the weights in its graphs: a, b, c, …
export const letter = (i) => (i < 26 ? String.fromCharCode(97 + i) : `w${i}`);

// `names` may be {inputNames, outputNames} (or {inputs, outputs}) or an array of input names.
export function normaliseNames(names) {
  if (Array.isArray(names)) return { inputNames: names, outputNames: [] };
  return { inputNames: names?.inputNames ?? names?.inputs ?? [], outputNames: names?.outputNames ?? names?.outputs ?? [] };
}

// The name of weight w of an nIn x nOut network; `joiner` goes between input
// and output (" → " on screen, " to " read aloud).
export function weightName(w, nIn, nOut, names = {}, joiner = ' → ') {
  const { inputNames, outputNames } = normaliseNames(names);
  const i = w % nIn;
  const o = Math.floor(w / nIn);
  const input = inputNames[i] ?? `input ${i + 1}`;
  if (nOut <= 1) return input;
  return `${input}${joiner}${outputNames[o] ?? `output ${o + 1}`}`;
}

// Every weight's name, in storage order.
export function weightNames(inputNames, outputNames, joiner = ' → ') {
  const nIn = inputNames.length;
  const nOut = outputNames.length;
  return Array.from({ length: nIn * nOut }, (_, w) => weightName(w, nIn, nOut, { inputNames, outputNames }, joiner));
}

// Weight w's index as the book's code writes it: weights[i] in a list (one
// input or one output), weights[o][i] in the 3x3 matrix (a row per output).
export function bookIndex(w, nIn, nOut) {
  if (nIn > 1 && nOut > 1) return `[${Math.floor(w / nIn)}][${w % nIn}]`;
  return `[${w}]`;
}
