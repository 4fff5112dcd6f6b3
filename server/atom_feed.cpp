#include "server/atom_feed.hpp"

namespace gongshi::server {

std::string xml_escaped(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string atom_xml(const AtomFeed& feed) {
  std::string x =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">\n";
  const auto element = [&](const char* name, const std::string& value, const char* indent) {
    x += std::string(indent) + "<" + name + ">" + xml_escaped(value) + "</" + name + ">\n";
  };
  const auto link = [&](const char* rel, const std::string& href, const char* indent) {
    x += std::string(indent) + "<link rel=\"" + rel + "\" href=\"" + xml_escaped(href) + "\"/>\n";
  };
  element("id", feed.id, "  ");
  element("title", feed.title, "  ");
  element("updated", feed.updated, "  ");
  link("self", feed.self_link, "  ");
  link("alternate", feed.alternate_link, "  ");
  x += "  <author><name>" + xml_escaped(feed.title) + "</name></author>\n";
  for (const auto& e : feed.entries) {
    x += "  <entry>\n";
    element("id", e.id, "    ");
    element("title", e.title, "    ");
    link("alternate", e.link, "    ");
    element("updated", e.updated, "    ");
    element("summary", e.summary, "    ");
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return x;
}

}  // namespace gongshi::server
