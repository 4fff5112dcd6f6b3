#pragma once
// An Atom 1.0 feed (RFC 4287) of a department's (or a region's) latest publications, which its
// own website can follow (seed 002's 多方公示). Links are relative to the feed's address.
#include <string>
#include <vector>

namespace gongshi::server {

struct AtomEntry {
  std::string id;       // a URN that never changes
  std::string title;    // text
  std::string link;     // the record's public page
  std::string updated;  // RFC 3339 (UTC)
  std::string summary;  // text
};

struct AtomFeed {
  std::string id, title, self_link, alternate_link, updated;
  std::vector<AtomEntry> entries;
};

std::string atom_xml(const AtomFeed& feed);
// &, <, >, " and ' as XML entities; control characters XML 1.0 cannot carry dropped.
std::string xml_escaped(const std::string& text);

}  // namespace gongshi::server
