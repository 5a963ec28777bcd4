#include "kam/model/account.hpp"

#include <algorithm>

namespace kam {

double Opportunity::effective_probability() const {
    if (probability) return *probability;
    // The format's defaults by stage.
    if (stage == "lead") return 10;
    if (stage == "qualified") return 25;
    if (stage == "proposal") return 50;
    if (stage == "negotiation") return 75;
    if (stage == "won") return 100;
    return 0;
}

bool Account::has_file(std::string_view section) const {
    return std::find(present_files.begin(), present_files.end(), section) != present_files.end();
}

std::string Account::file_path(std::string_view file) const {
    return dir.empty() ? std::string(file) : dir + "/" + std::string(file);
}

}  // namespace kam
