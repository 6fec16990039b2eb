#include "content/source.hpp"

namespace sightline::content {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n' && i + 1 < text_.size()) {
            line_starts_.push_back(i + 1);
        }
    }
}

std::string_view SourceFile::line(std::uint32_t number) const {
    if (number == 0 || number > line_starts_.size()) {
        return {};
    }
    const std::size_t start = line_starts_[number - 1];
    std::size_t end = text_.find('\n', start);
    if (end == std::string::npos) {
        end = text_.size();
    }
    if (end > start && text_[end - 1] == '\r') {
        --end;
    }
    return std::string_view(text_).substr(start, end - start);
}

} // namespace sightline::content
