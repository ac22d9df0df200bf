#pragma once
// `qualcheck rules show`: a suite as the tables a specification prints, so that a person can
// hold a rules file against the document page by page.

#include "model/rules.hpp"

#include <string>
#include <string_view>

namespace qc::report {

/// The suite's header, its units (number, title, GLH, assessment), its points table, and each
/// qualification (or only the one with `code`, when given): mandatory and optional units, how
/// many optional units count, thresholds and its rules of combination. Plain text.
std::string render_rules(const model::Suite& suite, std::string_view code = {});

} // namespace qc::report
