// Where in a JSON document processing is, for error messages:
// "credentialSubject.identifier[0].identityHash". A chain of links on the stack,
// rendered only when an error is reported.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::linkeddata {

class JsonPath {
  public:
    JsonPath() = default; // the document itself

    JsonPath member(std::string_view name) const { return JsonPath(this, name, 0, false); }
    JsonPath item(std::size_t index) const { return JsonPath(this, {}, index, true); }

    // "a.b[2].c", or "the top of the document" for the document itself.
    std::string str() const {
        std::vector<const JsonPath*> links;
        for (const JsonPath* p = this; p != nullptr && p->parent_ != nullptr; p = p->parent_) {
            links.push_back(p);
        }
        if (links.empty()) {
            return "the top of the document";
        }
        std::string out;
        for (auto it = links.rbegin(); it != links.rend(); ++it) {
            const JsonPath& link = **it;
            if (link.is_index_) {
                out += "[" + std::to_string(link.index_) + "]";
            } else {
                if (!out.empty()) {
                    out += ".";
                }
                out += link.name_;
            }
        }
        return out;
    }

  private:
    JsonPath(const JsonPath* parent, std::string_view name, std::size_t index, bool is_index)
        : parent_(parent), name_(name), index_(index), is_index_(is_index) {}

    const JsonPath* parent_ = nullptr;
    std::string_view name_;
    std::size_t index_ = 0;
    bool is_index_ = false;
};

} // namespace sightline::linkeddata
