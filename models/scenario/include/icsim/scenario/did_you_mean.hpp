#pragma once
// "Did you mean ...?": the nearest allowed word to a misspelt one.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace icsim::scenario {

// Edits (insert, delete, substitute, swap two neighbours) from a to b,
// ignoring case.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, if it is near enough to be a likely
// misspelling (at most a third of the word's letters changed), else "".
[[nodiscard]] std::string nearest_word(std::string_view word, const std::vector<std::string_view>& candidates);

// " (did you mean \"capacity_beds\"?)", or "" when nothing is near.
[[nodiscard]] std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace icsim::scenario
