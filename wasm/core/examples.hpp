// The chapter's worked examples as data, fed to the one engine
// (run_gradient_descent), together with what the book printed for them.
//
// Every number the book prints is a BookFigure: where in the trace it lives
// and the printed text. A figure with an empty `erratum` must agree with the
// engine to the precision printed; a figure with an erratum must not, and the
// erratum says why. Mistakes in the book's code (not its numbers) are CodeErrata.
#pragma once

#include <string>
#include <vector>

#include "core/gradient_descent.hpp"

namespace wl {

struct WorkedExample {
  std::string id;  // "single-input", "multi-input", ...
  std::string title;
  std::vector<std::string> input_names;   // [n_in]
  std::vector<std::string> output_names;  // [n_out]
  Problem problem;                        // the book's values
};

// The arrays of a Trace, in the order the Trace declares them.
enum class TraceField { weights_before, pred, error, delta, weight_deltas, weights_after };
inline constexpr TraceField kTraceFields[] = {
    TraceField::weights_before, TraceField::pred,          TraceField::error,
    TraceField::delta,          TraceField::weight_deltas, TraceField::weights_after};

struct BookFigure {
  std::string example;  // WorkedExample::id
  int iteration;        // 0-based
  TraceField field;
  int index;            // flat index: [out] or [out][in]
  std::string printed;  // exactly as the book prints it, e.g. "-.091"
  std::string erratum;  // empty when the book is right; otherwise why it is not
};

struct CodeErratum {
  std::string example;
  std::string book;     // what the book's code says
  std::string correct;  // what it should say
  std::string why;
};

const std::vector<WorkedExample>& worked_examples();
const WorkedExample& worked_example(const std::string& id);  // throws on an unknown id
const std::vector<BookFigure>& book_figures();
const std::vector<CodeErratum>& code_errata();

// The field's C++ name, as the book's code spells it: "weight_deltas".
const char* trace_field_name(TraceField field);
// The whole array of that field, [steps][n_out] or [steps][n_out][n_in].
const std::vector<double>& trace_array(const Trace& trace, TraceField field);
// The engine's value for a figure. Throws if the trace has no such element.
double trace_value(const Trace& trace, TraceField field, int iteration, int index);

// The number of decimals printed ("-.091" -> 3, "0.86" -> 2, "1" -> 0).
int printed_decimals(const std::string& printed);
// True when `value` shows as `printed` at the printed precision.
bool agrees_with_print(double value, const std::string& printed);

}  // namespace wl
