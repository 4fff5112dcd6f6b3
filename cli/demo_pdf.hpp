#pragma once
// A real one-page PDF of a few lines of text, for the demo's attachments (a 情况说明, a
// 信用承诺书), so the handler's page shows a document rather than a viewer's error. The text is set
// in the predefined Chinese font STSong-Light (Adobe-GB1, CMap UniGB-UTF16-H), which PDF viewers
// supply themselves: nothing is embedded.

#include <string>
#include <vector>

namespace gongshi::cli {

// `lines`: UTF-8 text, the first as a heading.
std::string text_pdf(const std::vector<std::string>& lines);

}  // namespace gongshi::cli
